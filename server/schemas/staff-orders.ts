import { z } from 'zod';
import { ORDER_STATUSES } from '@/server/domain/orders/state-machine';
import { idField } from './common';

const dateField = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${label} date as YYYY-MM-DD.`)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), `Enter a real ${label} date.`)
    .optional();

/** The staff order list: every filter optional; dates are whole UTC days, both ends included. */
export const staffOrderListSchema = z
  .object({
    status: z.enum(ORDER_STATUSES).optional(),
    organizationId: idField.optional(),
    from: dateField('first'),
    to: dateField('last'),
    /** An order number ("CS-100123" or just "100123") or part of a PO number. */
    search: z.string().trim().max(40, 'Search by at most 40 characters.').optional(),
    captureFailed: z.boolean().optional(),
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(1).max(100).default(25),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    path: ['to'],
    message: 'The last date comes on or after the first.',
  });
export type StaffOrderListInput = z.infer<typeof staffOrderListSchema>;

export const paymentQueueSchema = z.object({
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type PaymentQueueInput = z.infer<typeof paymentQueueSchema>;

export const staffOrderNumberSchema = z.object({
  number: z.string().trim().min(1, 'Give the order number.').max(20, 'That is not an order number.'),
});

const reasonField = (who: string) =>
  z.string().trim().min(1, `Give the reason; ${who} will read it.`).max(500, 'Use at most 500 characters.');

export const rejectPaymentSchema = staffOrderNumberSchema.extend({ reason: reasonField('the buyer') });
export type RejectPaymentInput = z.infer<typeof rejectPaymentSchema>;

export const staffCancelOrderSchema = staffOrderNumberSchema.extend({ reason: reasonField('the buyer') });
export type StaffCancelOrderInput = z.infer<typeof staffCancelOrderSchema>;
