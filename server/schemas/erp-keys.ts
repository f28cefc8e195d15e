import { z } from 'zod';
import { API_KEY_NAME_MAX_LENGTH } from '@/server/domain/erp/api-keys';
import { idField, pageInput } from './common';

/** A new ERP feed key: a name that says which system uses it. */
export const createErpKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Name the key, for example after the system that will use it.')
    .max(API_KEY_NAME_MAX_LENGTH, `A key name has at most ${API_KEY_NAME_MAX_LENGTH} characters.`),
});
export type CreateErpKeyInput = z.infer<typeof createErpKeySchema>;

export const ERP_KEY_STATUSES = ['active', 'revoked'] as const;

/** The keys table: a page, optionally searched by name or prefix and filtered by state. */
export const erpKeysListSchema = pageInput.extend({
  search: z.string().trim().max(100).optional(),
  status: z.enum(ERP_KEY_STATUSES).optional(),
});
export type ErpKeysListInput = z.infer<typeof erpKeysListSchema>;

export const revokeErpKeySchema = z.object({ keyId: idField });
export type RevokeErpKeyInput = z.infer<typeof revokeErpKeySchema>;
