import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { outboxStatus } from './enums';

/**
 * Every email, written in the same transaction as the change that causes it. The dispatcher
 * renders and sends it later; the row id is the provider's idempotency key.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: varchar({ length: 64 }).notNull(),
    toAddress: varchar({ length: 320 }).notNull(),
    props: jsonb().$type<Record<string, unknown>>().notNull(),
    status: outboxStatus().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    providerMessageId: varchar({ length: 200 }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // The dispatcher's claim: rows due (pending) or whose lease ran out (sending), each found by
    // its own index. One index over both statuses made the claim walk every pending row not yet
    // due (retries backing off) on each run.
    index('email_outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('email_outbox_lease_idx')
      .on(t.lockedUntil)
      .where(sql`${t.status} = 'sending'`),
    index().on(t.createdAt),
    // Failed emails over time, for the staff overview.
    index('email_outbox_failed_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'failed'`),
  ],
);

/** Where emails go when no RESEND_API_KEY is set: read at /dev/mailbox. One row per outbox row. */
export const devMailbox = pgTable(
  'dev_mailbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    outboxId: uuid().notNull().unique(),
    toAddress: varchar({ length: 320 }).notNull(),
    subject: varchar({ length: 300 }).notNull(),
    html: text().notNull(),
    text: text().notNull(),
    deliveredAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.deliveredAt), index().on(t.toAddress)],
);

export type OutboxRow = typeof emailOutbox.$inferSelect;
