import { z } from 'zod';
import { MAX_LINE_QUANTITY } from '@/server/domain/orders/cart';

const sku = z.string().trim().min(1, 'Enter a SKU.').max(50, 'A SKU has at most 50 characters.');
const quantity = z
  .number({ error: 'Enter a quantity.' })
  .int('Enter a whole number.')
  .min(1, 'Order at least 1.')
  .max(MAX_LINE_QUANTITY, `Order at most ${MAX_LINE_QUANTITY} at once.`);

export const addToCartSchema = z.object({ sku, quantity });
export type AddToCartInput = z.infer<typeof addToCartSchema>;

/** Setting a line to 0 removes it. */
export const setCartQuantitySchema = z.object({
  sku,
  quantity: z.number().int().min(0).max(MAX_LINE_QUANTITY, `Order at most ${MAX_LINE_QUANTITY} at once.`),
});

export const quickOrderSchema = z.object({ lines: z.string().max(5_000, 'Paste at most 50 lines at once.') });
export type QuickOrderInput = z.infer<typeof quickOrderSchema>;
