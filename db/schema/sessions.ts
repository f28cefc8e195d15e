import { boolean, index, integer, pgTable, primaryKey, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { memberships, users } from './users';

/**
 * Server-side record of every sign-in. The next-auth cookie only carries this row's id; the row
 * decides whether the session still counts (revoked, idle, too old) on every request.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    activeMembershipId: uuid().references(() => memberships.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    revokedReason: varchar({ length: 64 }),
    ipAddress: varchar({ length: 64 }),
    userAgent: varchar({ length: 300 }),
    /** "Keep me signed in on this device": the longer trusted-device lifetimes apply. */
    trusted: boolean().notNull().default(false),
    /** The password was right but the second factor is still to be given: nothing else is allowed yet. */
    secondFactorPendingAt: timestamp({ withTimezone: true }),
    /** When this session proved more than a password (a passkey, or a second-factor code). */
    strongAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId)],
);

/** Fixed-window counters for rate limits, shared by every app instance. */
export const rateLimitBuckets = pgTable(
  'rate_limit_buckets',
  {
    key: varchar({ length: 400 }).notNull(),
    windowStartedAt: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.key] })],
);

export type UserSession = typeof userSessions.$inferSelect;
