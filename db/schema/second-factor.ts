import { boolean, index, integer, pgTable, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';
import { users } from './users';

/**
 * A login's authenticator app (TOTP). The secret is stored encrypted (server/auth/secret-box.ts) and
 * never returned after set-up. Until `confirmedAt` the row is a set-up in progress and counts for nothing.
 */
export const totpFactors = pgTable('totp_factors', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretSealed: varchar({ length: 200 }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull(),
  confirmedAt: timestamp({ withTimezone: true }),
  /** The last time step a code was accepted for: that step and every earlier one are refused, so no code is replayed. */
  lastUsedStep: integer(),
});

/** Single-use recovery codes, stored as SHA-256 of codes with 80 random bits each. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: varchar({ length: 64 }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('recovery_codes_code_hash_key').on(t.codeHash), index().on(t.userId)],
);

/**
 * An organization's rule that its members sign in with a second factor: set by a buyer's account
 * managers for their organization, or by seller administrators for staff (always on in production).
 */
export const secondFactorPolicies = pgTable('second_factor_policies', {
  organizationId: uuid()
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  required: boolean().notNull(),
  changedAt: timestamp({ withTimezone: true }).notNull(),
  changedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
});

export type TotpFactor = typeof totpFactors.$inferSelect;
