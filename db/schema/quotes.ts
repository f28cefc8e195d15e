import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  index,
  integer,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { products } from './catalog';
import { quoteStatus } from './enums';
import { orders } from './orders';
import { organizations } from './organizations';
import { memberships, users } from './users';

export const quoteNumberSequence = pgSequence('quote_number_seq', { startWith: 5001 });

/** A buyer's request for prices on a cart, priced per line by the account representative. */
export const quotes = pgTable(
  'quotes',
  {
    id: uuid().primaryKey().defaultRandom(),
    number: varchar({ length: 20 })
      .notNull()
      .default(sql`('Q-' || nextval('quote_number_seq'))`),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    unitId: uuid()
      .notNull()
      .references(() => organizations.id),
    membershipId: uuid()
      .notNull()
      .references(() => memberships.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    status: quoteStatus().notNull().default('requested'),
    currency: char({ length: 3 }).notNull(),
    buyerNote: varchar({ length: 1000 }),
    sellerNote: varchar({ length: 1000 }),
    requestedAt: timestamp({ withTimezone: true }).notNull(),
    pricedAt: timestamp({ withTimezone: true }),
    pricedByUserId: uuid().references(() => users.id),
    validUntil: timestamp({ withTimezone: true }),
    orderId: uuid().references(() => orders.id),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('quotes_number_key').on(t.number),
    index('quotes_member_idx').on(t.membershipId, t.requestedAt.desc().nullsFirst()),
    index('quotes_status_idx').on(t.status, t.requestedAt),
    index().on(t.organizationId, t.requestedAt.desc().nullsFirst()),
  ],
);

export const quoteLines = pgTable(
  'quote_lines',
  {
    id: uuid().primaryKey().defaultRandom(),
    quoteId: uuid()
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    lineNumber: integer().notNull(),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    sku: varchar({ length: 50 }).notNull(),
    name: varchar({ length: 200 }).notNull(),
    unit: varchar({ length: 30 }).notNull(),
    quantity: integer().notNull(),
    /** The representative's price; null until priced. */
    unitPriceMinor: bigint({ mode: 'number' }),
    note: text(),
  },
  (t) => [
    uniqueIndex('quote_lines_quote_line_key').on(t.quoteId, t.lineNumber),
    check('quote_lines_quantity_check', sql`${t.quantity} > 0`),
  ],
);

export type Quote = typeof quotes.$inferSelect;
export type QuoteLine = typeof quoteLines.$inferSelect;
