import { z } from 'zod';
import { MAX_TIME_ZONE_LENGTH } from '@/server/domain/auth/time-zone';
import { isKnownTimeZone } from '@/server/domain/time';
import { emailField, newPasswordField } from './common';

export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1, 'Enter your password.').max(1000, 'That password is too long.'),
});
export type SignInInput = z.infer<typeof signInSchema>;

const confirmed = <T extends { newPassword: string; confirmPassword: string }>(value: T) =>
  value.newPassword === value.confirmPassword;
const confirmIssue = { message: 'The two passwords differ.', path: ['confirmPassword'] };

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(1000),
    newPassword: newPasswordField,
    confirmPassword: z.string().max(1000),
  })
  .refine(confirmed, confirmIssue);
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const requestPasswordResetSchema = z.object({ email: emailField });

const emailLinkToken = z.string().min(10).max(200);

/** A reset link's token, to ask whether it can still be used. */
export const resetPasswordLinkSchema = z.object({ token: emailLinkToken });

export const resetPasswordSchema = z
  .object({
    token: emailLinkToken,
    newPassword: newPasswordField,
    confirmPassword: z.string().max(1000),
  })
  .refine(confirmed, confirmIssue);
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

/**
 * The zone My account sets: one from the list, or (followBrowser) the browser's own, which later
 * sign-ins then keep up to date.
 */
export const setTimeZoneSchema = z.object({
  timeZone: z
    .string()
    .max(MAX_TIME_ZONE_LENGTH, 'Choose a time zone from the list.')
    .refine(isKnownTimeZone, 'Choose a time zone from the list.'),
  followBrowser: z.boolean().default(false),
});
export type SetTimeZoneInput = z.input<typeof setTimeZoneSchema>;
