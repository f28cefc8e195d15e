import { z } from 'zod';
import { PAYMENT_METHODS } from '@/server/domain/organizations/status';

export const submitOrderSchema = z
  .object({
    /** Made by the checkout page once per visit: a double click or a retried request submits once. */
    idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'The checkout page is out of date; reload it.'),
    addressId: z.uuid('Choose a ship-to address.'),
    shippingMethodCode: z.string().trim().min(1, 'Choose a shipping method.').max(20, 'Choose a shipping method.'),
    paymentMethod: z.enum(PAYMENT_METHODS, { error: 'Choose a payment method.' }),
    cardNumber: z.string().trim().max(30, 'A card number has at most 19 digits.').optional(),
    poNumber: z.string().trim().max(40, 'A PO number has at most 40 characters.').optional(),
    note: z.string().trim().max(500, 'A note has at most 500 characters.').optional(),
  })
  .superRefine((input, ctx) => {
    if (input.paymentMethod === 'card' && !input.cardNumber)
      ctx.addIssue({ code: 'custom', path: ['cardNumber'], message: 'Enter the card number.' });
  });
export type SubmitOrderInput = z.infer<typeof submitOrderSchema>;

export const orderNumberSchema = z.object({ number: z.string().trim().min(1).max(20) });
