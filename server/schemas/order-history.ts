import { z } from 'zod';
import { DISPLAY_STATUSES } from '@/server/domain/orders/display-status';

/** The most rows one page of history, templates or statement holds. */
export const MAX_PAGE_SIZE = 50;

const pageSize = z.number().int().min(1).max(MAX_PAGE_SIZE, `A page holds at most ${MAX_PAGE_SIZE} rows.`).default(25);
const page = z.number().int().min(1).max(10_000).default(1);

/**
 * Order history, newest first, paged by position (keyset): `cursor` is the id of the order at the
 * edge of the page the reader comes from; `direction` says whether they want older or newer ones.
 */
export const orderListSchema = z.object({
  search: z.string().trim().max(40, 'Search for at most 40 characters.').optional(),
  status: z.enum(DISPLAY_STATUSES).optional(),
  cursor: z.uuid().optional(),
  direction: z.enum(['older', 'newer']).default('older'),
  pageSize,
});
export type OrderListInput = z.infer<typeof orderListSchema>;

export const cancelOrderSchema = z.object({
  number: z.string().trim().min(1).max(20),
  reason: z.string().trim().max(500, 'A reason has at most 500 characters.').optional(),
});
export type CancelOrderInput = z.infer<typeof cancelOrderSchema>;

export const templateNameField = z
  .string()
  .trim()
  .min(1, 'Enter a name for the template.')
  .max(100, 'A name has at most 100 characters.');

export const saveTemplateSchema = z.object({ name: templateNameField });
export type SaveTemplateInput = z.infer<typeof saveTemplateSchema>;

export const templateIdSchema = z.object({ templateId: z.uuid('That template was not found.') });

export const renameTemplateSchema = templateIdSchema.extend({ name: templateNameField });
export type RenameTemplateInput = z.infer<typeof renameTemplateSchema>;

export const templateListSchema = z.object({ page, pageSize });
export type TemplateListInput = z.infer<typeof templateListSchema>;

export const STATEMENT_FILTERS = ['open', 'paid'] as const;

/** The statement of invoiced orders: all, only the open ones, or only the paid ones. */
export const statementSchema = z.object({ status: z.enum(STATEMENT_FILTERS).optional(), page, pageSize });
export type StatementInput = z.infer<typeof statementSchema>;
