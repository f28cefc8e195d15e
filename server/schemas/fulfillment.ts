import { z } from 'zod';
import { MAX_BATCH_ORDERS } from '@/server/domain/fulfillment/batches';
import { idField } from './common';

const page = z.number().int().min(1).max(10_000).default(1);
const pageSize = z.number().int().min(1).max(100).default(25);

/** An order number as people type it: "cs-100123 " is CS-100123. */
export const orderNumberField = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, 'Enter an order number.')
  .max(20, 'An order number has at most 20 characters.');

/** `search`: part of an order number or of the organization's name. */
export const fulfillmentQueueSchema = z.object({
  centerId: idField,
  search: z.string().trim().max(100).optional(),
  page,
  pageSize,
});
export type FulfillmentQueueInput = z.infer<typeof fulfillmentQueueSchema>;

/** Without order numbers, the batch takes every waiting order up to the limit, oldest first. */
export const createPickBatchSchema = z.object({
  centerId: idField,
  orderNumbers: z
    .array(orderNumberField)
    .min(1, 'Choose at least one order.')
    .max(MAX_BATCH_ORDERS, `A pick batch takes at most ${MAX_BATCH_ORDERS} orders.`)
    .optional(),
});
export type CreatePickBatchInput = z.infer<typeof createPickBatchSchema>;

export const pickBatchListSchema = z.object({
  centerId: idField.optional(),
  open: z.boolean().optional(),
  page,
  pageSize,
});
export type PickBatchListInput = z.infer<typeof pickBatchListSchema>;

const batchNumber = z.number({ error: 'That is not a pick batch number.' }).int().min(1).max(2_000_000_000);

export const pickBatchSchema = z.object({ number: batchNumber });
export const pickTicketSchema = z.object({ batchNumber });
export const packingSlipSchema = z.object({ orderNumber: orderNumberField, centerId: idField });
export type PackingSlipInput = z.infer<typeof packingSlipSchema>;

export const PACKAGE_LIMITS = { lines: 500, quantity: 1_000_000 } as const;

export const packageLineSchema = z.object({
  orderLineId: idField,
  quantity: z
    .number({ error: 'Enter a whole number.' })
    .int('Enter a whole number.')
    .min(1, 'Pack at least 1, or leave the line out.')
    .max(PACKAGE_LIMITS.quantity, 'That is more than any order holds.'),
});

export const createPackageSchema = z.object({
  orderNumber: orderNumberField,
  centerId: idField,
  lines: z.array(packageLineSchema).min(1, 'Enter a quantity for at least one line.').max(PACKAGE_LIMITS.lines),
});
export type CreatePackageInput = z.infer<typeof createPackageSchema>;

export const confirmShipmentSchema = z.object({
  packageId: idField,
  carrier: z.string().trim().min(1, 'Enter the carrier, like UPS.').max(60, 'Use at most 60 characters.'),
  trackingNumber: z.string().trim().min(1, 'Enter the tracking number.').max(100, 'Use at most 100 characters.'),
});
export type ConfirmShipmentInput = z.infer<typeof confirmShipmentSchema>;
