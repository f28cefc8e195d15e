import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { orders } from './orders';

/**
 * Card authorizations to void with the payment provider, written in the transaction that cancels
 * (or reverses) the order, and voided after it commits — the provider is never called while the
 * transaction and its locks are held. Like the email outbox: if the process dies after the commit,
 * the row is still there and a later run voids it, with the row's id as the provider's idempotency
 * key so a void that did reach the provider is not repeated.
 */
export const paymentVoids = pgTable(
  'payment_voids',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid().references(() => orders.id, { onDelete: 'cascade' }),
    reference: varchar({ length: 100 }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Also a lease: a sender moves it ahead while it calls the provider, so no other sender takes the row. */
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    doneAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('payment_voids_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.doneAt} is null`),
  ],
);
