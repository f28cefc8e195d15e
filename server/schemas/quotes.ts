import { z } from 'zod';
import { QUOTE_STATUSES } from '@/server/domain/quotes/status';
import { submitOrderSchema } from './orders';

const number = z.string().trim().min(1, 'Enter a quote number.').max(20, 'A quote number has at most 20 characters.');

export const requestQuoteSchema = z.object({
  note: z.string().trim().max(1000, 'A note has at most 1,000 characters.').optional(),
});
export const quoteNumberSchema = z.object({ number });
export const quoteListSchema = z.object({
  status: z.enum(QUOTE_STATUSES).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type QuoteListInput = z.infer<typeof quoteListSchema>;

/** Ordering a priced quote takes the same checkout choices as ordering a cart. */
export const orderQuoteSchema = submitOrderSchema.and(z.object({ number }));
export type OrderQuoteInput = z.infer<typeof orderQuoteSchema>;

/** The approval a quote's order would need depends on its total, shipping included. */
export const quoteApprovalPreviewSchema = z.object({
  number,
  shippingMethodCode: z.string().trim().min(1, 'Choose a shipping method.').max(20, 'Choose a shipping method.'),
});
export type QuoteApprovalPreviewInput = z.infer<typeof quoteApprovalPreviewSchema>;

export const priceQuoteSchema = z.object({
  number,
  lines: z
    .array(
      z.object({
        lineNumber: z.number().int().min(1).max(500),
        unitPrice: z.string().trim().min(1, 'Enter a price.').max(20, 'Enter a price like 12.50.'),
      }),
    )
    .min(1)
    .max(200),
  validUntil: z.iso.date('Use a date like 2026-12-31.'),
  sellerNote: z.string().trim().max(1000, 'A note has at most 1,000 characters.').optional(),
});
export type PriceQuoteInput = z.infer<typeof priceQuoteSchema>;

export const rejectQuoteSchema = z.object({
  number,
  reason: z.string().trim().min(1, 'Tell the buyer why.').max(1000, 'At most 1,000 characters.'),
});
