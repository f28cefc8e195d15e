import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { PUSH_OUTBOX_STATUSES } from '@/server/domain/notifications/push-outbox';
import { users } from './users';

export const pushOutboxStatus = pgEnum('push_outbox_status', PUSH_OUTBOX_STATUSES);

/**
 * A browser on one device that asked for pushes: where the push service accepts them (an outside
 * address the server calls, checked when saved and again when sent) and the keys that encrypt them.
 */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpoint: varchar({ length: 2048 }).notNull().unique(),
    /** The browser's P-256 public key and its 16-byte auth secret, base64url as the browser gives them. */
    p256dh: varchar({ length: 128 }).notNull(),
    auth: varchar({ length: 64 }).notNull(),
    userAgent: varchar({ length: 300 }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSuccessAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId)],
);

/**
 * Every push, one row per device, written in the same transaction as the change (with its email).
 * The dispatcher sends it after the commit with leases and back-off, as `email_outbox`; a device
 * whose subscription is gone takes its rows with it.
 */
export const pushOutbox = pgTable(
  'push_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    subscriptionId: uuid()
      .notNull()
      .references(() => pushSubscriptions.id, { onDelete: 'cascade' }),
    title: varchar({ length: 200 }).notNull(),
    body: varchar({ length: 400 }).notNull(),
    url: varchar({ length: 500 }).notNull(),
    orderNumber: varchar({ length: 40 }),
    status: pushOutboxStatus().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // The dispatcher's claim: rows due (pending) or whose lease ran out (sending), each found by
    // its own index. One index over both statuses made the claim walk every pending row not yet
    // due (retries backing off) on each run.
    index('push_outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('push_outbox_lease_idx')
      .on(t.lockedUntil)
      .where(sql`${t.status} = 'sending'`),
    index().on(t.subscriptionId),
    index().on(t.createdAt),
  ],
);

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;
export type PushOutboxRow = typeof pushOutbox.$inferSelect;
