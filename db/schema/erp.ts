import { bigint, boolean, char, index, pgTable, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * The ERP's customers and contacts as last imported: a snapshot, replaced by each import. Instant
 * accounts are created from them and checked against them at every sign-in.
 */
export const erpCustomers = pgTable('erp_customers', {
  code: varchar({ length: 50 }).primaryKey(),
  name: varchar({ length: 200 }).notNull(),
  isCashAccount: boolean().notNull().default(false),
  currency: char({ length: 3 }),
  creditLimitMinor: bigint({ mode: 'number' }),
  paymentTerms: varchar({ length: 40 }),
  importedAt: timestamp({ withTimezone: true }).notNull(),
});

export const erpContacts = pgTable(
  'erp_contacts',
  {
    id: uuid().primaryKey().defaultRandom(),
    customerCode: varchar({ length: 50 })
      .notNull()
      .references(() => erpCustomers.code, { onDelete: 'cascade' }),
    email: varchar({ length: 320 }).notNull(),
    name: varchar({ length: 200 }).notNull(),
    importedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('erp_contacts_customer_email_key').on(t.customerCode, t.email), index().on(t.email)],
);

/** Customer codes that never get an instant account, whatever the ERP says. */
export const erpExcludedCustomers = pgTable('erp_excluded_customers', {
  code: varchar({ length: 50 }).primaryKey(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type ErpCustomer = typeof erpCustomers.$inferSelect;
export type ErpContact = typeof erpContacts.$inferSelect;
