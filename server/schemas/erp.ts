import { z } from 'zod';
import { ERP_FILE_LIMITS } from '@/server/domain/erp/limits';
import { emailField, idField, newPasswordField, pageInput } from './common';

const tooLarge = (file: string) =>
  `${file} is larger than ${ERP_FILE_LIMITS.maxBytes / 1024 / 1024} MB. Export at most 50,000 rows.`;

/** The two ERP exports as text; the domain reads and checks them row by row. */
export const erpImportSchema = z.object({
  customersCsv: z.string().max(ERP_FILE_LIMITS.maxBytes, tooLarge('customers.csv')),
  contactsCsv: z.string().max(ERP_FILE_LIMITS.maxBytes, tooLarge('contacts.csv')),
});
export type ErpImportInput = z.infer<typeof erpImportSchema>;

/** Customer codes separated by commas or new lines, as typed in the staff form. */
export const excludedCodesSchema = z.object({ codes: z.string().max(600_000, 'The list is too long.') });
export type ExcludedCodesInput = z.infer<typeof excludedCodesSchema>;

export const erpContactsSchema = pageInput.extend({ search: z.string().trim().max(200).optional() });
export type ErpContactsInput = z.infer<typeof erpContactsSchema>;

export const createAccountFromContactSchema = z.object({ contactId: idField });

export const requestInstantAccountSchema = z.object({ email: emailField });
export type RequestInstantAccountInput = z.infer<typeof requestInstantAccountSchema>;

const tokenField = z.string().min(10).max(200);
export const emailLinkSchema = z.object({ token: tokenField });

/** A person without a login chooses a password; one who already has a login sends only the token. */
export const completeInstantAccountSchema = z
  .object({
    token: tokenField,
    newPassword: newPasswordField.optional(),
    confirmPassword: z.string().max(1000).optional(),
  })
  .refine((value) => (value.newPassword ?? '') === (value.confirmPassword ?? ''), {
    message: 'The two passwords differ.',
    path: ['confirmPassword'],
  });
export type CompleteInstantAccountInput = z.infer<typeof completeInstantAccountSchema>;
