import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid, varchar, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { organizationKind, organizationStatus } from './enums';

/**
 * Buyer and seller organizations, and their departments and branches as a tree. `rootId` is the
 * tenant: the top organization of the tree (itself for a root), carried by every tenant row.
 */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid().primaryKey().defaultRandom(),
    rootId: uuid()
      .notNull()
      .references((): AnyPgColumn => organizations.id),
    parentId: uuid().references((): AnyPgColumn => organizations.id),
    kind: organizationKind().notNull(),
    name: varchar({ length: 200 }).notNull(),
    status: organizationStatus().notNull().default('pending_approval'),
    /** The ERP customer this organization is, for instant accounts and the order feed. */
    erpCustomerCode: varchar({ length: 50 }),
    /** The seller's account representative, a membership of the seller organization. */
    accountRepMembershipId: uuid(),
    /** Shown by the buyer administrator to people who want to join; regenerated on request. */
    joinCode: varchar({ length: 32 }),
    decidedAt: timestamp({ withTimezone: true }),
    decidedByUserId: uuid(),
    /** Why it was rejected or suspended; shown to staff, and to the buyer for a rejection. */
    statusReason: text(),
    /**
     * The IANA zone the organization keeps its books in: insights count months and days in it, so
     * every reader of one organization sees the same figures wherever they sit.
     */
    timeZone: varchar({ length: 64 }).notNull().default('UTC'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.rootId),
    index().on(t.parentId),
    uniqueIndex('organizations_erp_customer_code_key').on(t.erpCustomerCode),
    uniqueIndex('organizations_join_code_key').on(t.joinCode),
    index().on(t.accountRepMembershipId),
    index('organizations_roots_by_status_idx')
      .on(t.status, t.createdAt)
      .where(sql`${t.parentId} is null`),
  ],
);

export type Organization = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;

/** What a registering organization submitted, kept as submitted. */
export const organizationProfiles = pgTable(
  'organization_profiles',
  {
    organizationId: uuid()
      .primaryKey()
      .references(() => organizations.id),
    contactName: varchar({ length: 200 }).notNull(),
    contactEmail: varchar({ length: 320 }).notNull(),
    phone: varchar({ length: 40 }).notNull(),
    taxNumber: varchar({ length: 50 }).notNull(),
    addressLine1: varchar({ length: 200 }).notNull(),
    addressLine2: varchar({ length: 200 }),
    city: varchar({ length: 100 }).notNull(),
    region: varchar({ length: 100 }),
    postalCode: varchar({ length: 20 }).notNull(),
    country: varchar({ length: 2 }).notNull(),
  },
  (t) => [index().on(t.contactEmail)],
);

export type OrganizationProfile = typeof organizationProfiles.$inferSelect;
