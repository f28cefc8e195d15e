import { index, integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { products } from './catalog';
import { memberships } from './users';

/** One cart per membership (each customer account of a login has its own): its lines. */
export const cartLines = pgTable(
  'cart_lines',
  {
    membershipId: uuid()
      .notNull()
      .references(() => memberships.id, { onDelete: 'cascade' }),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    quantity: integer().notNull(),
    addedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.membershipId, t.productId] }), index().on(t.membershipId, t.addedAt)],
);

export type CartLine = typeof cartLines.$inferSelect;
