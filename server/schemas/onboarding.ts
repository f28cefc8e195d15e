import { z } from 'zod';
import { PAYMENT_METHODS } from '@/server/domain/organizations/status';
import { emailField, idField, newPasswordField } from './common';

const text = (label: string, max: number) =>
  z.string().trim().min(1, `Enter ${label}.`).max(max, `Use at most ${max} characters.`);
const optionalText = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`).optional();

export const registerOrganizationSchema = z.object({
  organizationName: text('the organization name', 200),
  addressLine1: text('the street address', 200),
  addressLine2: optionalText(200),
  city: text('the city', 100),
  region: optionalText(100),
  postalCode: text('the postal code', 20),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'Choose a country.'),
  phone: z
    .string()
    .trim()
    .min(5, 'Enter a phone number.')
    .max(40, 'Use at most 40 characters.')
    .regex(/^\+?[0-9 ()./-]+$/, 'Use digits, spaces and + ( ) - . / only.'),
  taxNumber: text('the company registration or tax number', 50),
  adminName: text('your name', 200),
  adminEmail: emailField,
  password: newPasswordField,
});
export type RegisterOrganizationInput = z.infer<typeof registerOrganizationSchema>;

export const tokenSchema = z.object({ token: z.string().min(10).max(200) });

export const joinOrganizationSchema = z.object({
  code: z.string().trim().min(4, 'Enter the invitation code.').max(40, 'That invitation code is not valid.'),
  name: text('your name', 200),
  email: emailField,
  password: newPasswordField,
});
export type JoinOrganizationInput = z.infer<typeof joinOrganizationSchema>;

export const membershipDecisionSchema = z.object({ membershipId: idField });

export const registrationListSchema = z.object({
  search: z.string().trim().max(200).optional(),
  status: z.enum(['pending_approval', 'active', 'rejected', 'suspended']).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type RegistrationListInput = z.infer<typeof registrationListSchema>;

export const organizationIdSchema = z.object({ organizationId: idField });

export const assignRepresentativeSchema = z.object({ organizationId: idField, representativeMembershipId: idField });

export const PAYMENT_TERMS = ['Prepaid', 'Due on receipt', 'NET 15', 'NET 30', 'NET 45', 'NET 60', 'NET 90'] as const;

export const customerAccountSchema = z.object({
  organizationId: idField,
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code, like USD.'),
  creditLimit: z.string().trim().min(1, 'Enter a credit limit (0 for none).').max(20, 'That amount is too long.'),
  paymentTerms: z.enum(PAYMENT_TERMS, 'Choose payment terms.'),
  paymentMethods: z
    .array(z.enum(PAYMENT_METHODS))
    .min(1, 'Allow at least one payment method.')
    .max(PAYMENT_METHODS.length),
});
export type CustomerAccountInput = z.infer<typeof customerAccountSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-01-31.');

export const contractSchema = z
  .object({
    organizationId: idField,
    name: text('a contract name', 100),
    priceListId: z.union([idField, z.literal('')]).optional(),
    discountPercent: z.string().trim().max(6, 'Use a percent like 2.5.').optional(),
    validFrom: isoDate,
    validTo: z.union([isoDate, z.literal('')]).optional(),
  })
  .refine((value) => Boolean(value.priceListId) || Boolean(value.discountPercent), {
    message: 'Choose a price list, a discount, or both.',
    path: ['priceListId'],
  })
  .refine((value) => !value.validTo || value.validTo >= value.validFrom, {
    message: 'The end date cannot be before the start date.',
    path: ['validTo'],
  });
export type ContractInput = z.infer<typeof contractSchema>;

export const contractIdSchema = z.object({ contractId: idField });

export const rejectOrganizationSchema = z.object({
  organizationId: idField,
  reason: z
    .string()
    .trim()
    .min(3, 'Give the reason; the organization will read it.')
    .max(1000, 'Use at most 1000 characters.'),
});

export const suspendOrganizationSchema = z.object({
  organizationId: idField,
  reason: z.string().trim().min(3, 'Say why, for the other staff.').max(1000, 'Use at most 1000 characters.'),
});
