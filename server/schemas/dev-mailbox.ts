import { z } from 'zod';

/** A page of the dev mailbox, optionally searched by recipient or subject. */
export const devMailListSchema = z.object({
  search: z.string().trim().max(200).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type DevMailListInput = z.infer<typeof devMailListSchema>;

export const devMailIdSchema = z.object({ id: z.guid() });
