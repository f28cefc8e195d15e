import { sql } from 'drizzle-orm';
import { index, pgTable, timestamp, uuid, varchar, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { organizationKind, organizationStatus } from './enums';

/**
 * Buyer and seller organizations, and their departments and branches as a tree. `rootId` is the
 * tenant: the top organization of the tree (itself for a root), carried by every tenant row.
 */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid().primaryKey().defaultRandom(),
    rootId: uuid().notNull().references((): AnyPgColumn => organizations.id),
    parentId: uuid().references((): AnyPgColumn => organizations.id),
    kind: organizationKind().notNull(),
    name: varchar({ length: 200 }).notNull(),
    status: organizationStatus().notNull().default('pending_approval'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.rootId),
    index().on(t.parentId),
    index('organizations_roots_by_status_idx').on(t.status, t.createdAt).where(sql`${t.parentId} is null`),
  ],
);

export type Organization = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;
