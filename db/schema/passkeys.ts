import {
  bigint,
  customType,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { WEBAUTHN_CHALLENGE_PURPOSES } from '@/server/domain/auth/passkeys';
import { users } from './users';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** A member's WebAuthn credentials (passkeys). Removing one deletes the row, so it can no longer sign in. */
export const passkeys = pgTable(
  'passkeys',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The authenticator's credential id, base64url as the browser sends it. */
    credentialId: varchar({ length: 1400 }).notNull(),
    publicKey: bytea().notNull(),
    /** The signature counter, kept to notice a cloned authenticator; many passkeys always report 0. */
    counter: bigint({ mode: 'number' }).notNull().default(0),
    transports: text().array().notNull().default([]),
    name: varchar({ length: 60 }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('passkeys_credential_id_key').on(t.credentialId), index().on(t.userId)],
);

export const webauthnChallengePurpose = pgEnum('webauthn_challenge_purpose', WEBAUTHN_CHALLENGE_PURPOSES);

/**
 * A WebAuthn challenge waiting for its answer, kept in PostgreSQL so that any app instance can
 * check it. Registration binds it to the user; sign-in to its own random id (the handle the page
 * sends back). Checking deletes it, so it works once.
 */
export const webauthnChallenges = pgTable(
  'webauthn_challenges',
  {
    id: uuid().primaryKey().defaultRandom(),
    purpose: webauthnChallengePurpose().notNull(),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    challenge: varchar({ length: 200 }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.expiresAt)],
);

export type Passkey = typeof passkeys.$inferSelect;
