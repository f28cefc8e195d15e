import { bigint, char, date, index, integer, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { paymentMethod } from './enums';
import { organizations } from './organizations';

/** The seller's terms for a buyer organization, set up by its account representative. */
export const customerAccounts = pgTable('customer_accounts', {
  organizationId: uuid()
    .primaryKey()
    .references(() => organizations.id),
  currency: char({ length: 3 }).notNull(),
  creditLimitMinor: bigint({ mode: 'number' }).notNull(),
  paymentTerms: varchar({ length: 40 }).notNull(),
  paymentMethods: paymentMethod().array().notNull(),
  /**
   * What the organization owes on bill-me orders (see OWED_STATUSES), kept by a trigger on orders
   * (migration 0016) so that a submit reads one row instead of adding up every unpaid order.
   */
  openBalanceMinor: bigint({ mode: 'number' }).notNull().default(0),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedByUserId: uuid(),
});

export const priceLists = pgTable('price_lists', {
  id: uuid().primaryKey().defaultRandom(),
  name: varchar({ length: 100 }).notNull().unique(),
  currency: char({ length: 3 }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** What prices a buyer gets, and when: a price list, a discount, or both. */
export const contracts = pgTable(
  'contracts',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    name: varchar({ length: 100 }).notNull(),
    priceListId: uuid().references(() => priceLists.id),
    /** Discount in basis points: 250 is 2.50 %. */
    discountBasisPoints: integer(),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdByUserId: uuid(),
  },
  (t) => [index().on(t.organizationId)],
);

export type CustomerAccount = typeof customerAccounts.$inferSelect;
export type Contract = typeof contracts.$inferSelect;
export type PriceList = typeof priceLists.$inferSelect;
