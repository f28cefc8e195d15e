import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { membershipStatus, shopAccountRole, userStatus } from './enums';
import { organizations } from './organizations';
import { roles } from './roles';

/** One login. Emails are stored lower-cased and trimmed; the unique index relies on that. */
export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: varchar({ length: 320 }).notNull(),
    name: varchar({ length: 200 }).notNull(),
    passwordHash: text(),
    status: userStatus().notNull().default('invited'),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    lastActiveAt: timestamp({ withTimezone: true }),
    passwordChangedAt: timestamp({ withTimezone: true }),
    /** IANA zone the person reads times in; null until known (UTC until then). */
    timeZone: varchar({ length: 64 }),
    /** Set when the person chose the zone in My account; until then each sign-in takes the browser's. */
    timeZoneChosenAt: timestamp({ withTimezone: true }),
    lastMembershipId: uuid().references((): AnyPgColumn => memberships.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

/**
 * A user in an organization (a customer account): Sana's shop-account role and flags. A user may
 * hold several, one per organization, and switches between them.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    unitId: uuid()
      .notNull()
      .references(() => organizations.id),
    shopAccountRole: shopAccountRole().notNull().default('regular'),
    status: membershipStatus().notNull().default('active'),
    /** Created from an ERP contact: checked against the imported contacts at every sign-in. */
    erpLinked: boolean().notNull().default(false),
    activated: boolean().notNull().default(true),
    mayOrder: boolean().notNull().default(false),
    maySeePrices: boolean().notNull().default(true),
    maySeeStock: boolean().notNull().default(true),
    mayAuthorizeOrders: boolean().notNull().default(false),
    hasLimitedBudget: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('memberships_user_organization_key').on(t.userId, t.organizationId),
    index().on(t.organizationId, t.createdAt),
    index('memberships_pending_idx')
      .on(t.organizationId, t.createdAt)
      .where(sql`${t.status} = 'pending'`),
    index().on(t.unitId),
    index('memberships_authorizers_idx')
      .on(t.organizationId)
      .where(sql`${t.mayAuthorizeOrders} and ${t.activated}`),
  ],
);

export const membershipRoles = pgTable(
  'membership_roles',
  {
    membershipId: uuid()
      .notNull()
      .references(() => memberships.id, { onDelete: 'cascade' }),
    roleId: uuid()
      .notNull()
      .references(() => roles.id),
  },
  (t) => [primaryKey({ columns: [t.membershipId, t.roleId] }), index().on(t.roleId)],
);

export type User = typeof users.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type NewMembership = typeof memberships.$inferInsert;
