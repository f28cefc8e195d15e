import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { organizationKind } from './enums';
import { organizations } from './organizations';

/**
 * Named sets of permissions. Predefined roles have no organization and a `key`; custom roles
 * belong to one buyer organization. Permission names come from server/domain/access/permissions.ts.
 */
export const roles = pgTable(
  'roles',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid().references(() => organizations.id),
    side: organizationKind().notNull(),
    key: varchar({ length: 64 }),
    name: varchar({ length: 100 }).notNull(),
    description: varchar({ length: 500 }).notNull().default(''),
    permissions: text().array().notNull(),
    predefined: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('roles_predefined_key')
      .on(t.key)
      .where(sql`${t.organizationId} is null`),
    uniqueIndex('roles_organization_name_key').on(t.organizationId, t.name),
    index().on(t.organizationId),
  ],
);

export type Role = typeof roles.$inferSelect;
