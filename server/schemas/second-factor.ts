import { z } from 'zod';

/** A code from the authenticator app (six digits) or a recovery code, as typed. */
export const secondFactorCodeField = z
  .string()
  .trim()
  .min(6, 'Type the six digits from your authenticator app, or a recovery code.')
  .max(40, 'Type the six digits from your authenticator app, or a recovery code.');

export const secondFactorCodeSchema = z.object({ code: secondFactorCodeField });
export type SecondFactorCodeInput = z.infer<typeof secondFactorCodeSchema>;

export const confirmTotpSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{3}[\s-]?\d{3}$/, 'Type the six digits your authenticator app shows now.'),
});
export type ConfirmTotpInput = z.infer<typeof confirmTotpSchema>;

export const secondFactorPolicySchema = z.object({ required: z.boolean() });
