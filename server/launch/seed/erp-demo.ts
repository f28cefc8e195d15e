import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { erpContacts, erpCustomers, erpExcludedCustomers, organizations } from '../../../db/schema';

type DemoCustomer = typeof erpCustomers.$inferInsert & { organizationName?: string };

/** The demo ERP snapshot; server/launch/seed/erp-sample/*.csv hold the same rows as the ERP would export them. */
export const DEMO_ERP_CUSTOMERS: Omit<DemoCustomer, 'importedAt'>[] = [
  {
    code: 'C1001',
    name: 'Northwind Traders',
    isCashAccount: false,
    currency: 'USD',
    creditLimitMinor: 5_000_000,
    paymentTerms: 'NET 30',
    organizationName: 'Northwind Traders',
  },
  {
    code: 'C1002',
    name: 'Contoso Manufacturing',
    isCashAccount: false,
    currency: 'EUR',
    creditLimitMinor: 2_500_000,
    paymentTerms: 'NET 30',
    organizationName: 'Contoso Manufacturing',
  },
  {
    code: 'C2001',
    name: 'Tailspin Toys',
    isCashAccount: false,
    currency: 'USD',
    creditLimitMinor: 1_500_000,
    paymentTerms: 'NET 45',
  },
  {
    code: 'C2002',
    name: 'Wingtip Supplies',
    isCashAccount: false,
    currency: null,
    creditLimitMinor: null,
    paymentTerms: null,
  },
  {
    code: 'CASH',
    name: 'Cash sales',
    isCashAccount: true,
    currency: 'USD',
    creditLimitMinor: null,
    paymentTerms: null,
  },
  {
    code: 'C9001',
    name: 'Excluded Corp',
    isCashAccount: false,
    currency: 'USD',
    creditLimitMinor: 100_000,
    paymentTerms: 'NET 30',
  },
];

export const DEMO_ERP_CONTACTS = [
  { customerCode: 'C1001', email: 'nina@northwind.test', name: 'Nina Newcomer' },
  { customerCode: 'C2001', email: 'tom@tailspin.test', name: 'Tom Tailspin' },
  { customerCode: 'C2002', email: 'tom@tailspin.test', name: 'Tom Tailspin' },
  { customerCode: 'C2002', email: 'wes@wingtip.test', name: 'Wes Wingtip' },
  { customerCode: 'CASH', email: 'cash@walkin.test', name: 'Casey Cash' },
  { customerCode: 'C9001', email: 'ex@excluded.test', name: 'Ezra Excluded' },
];

export const DEMO_ERP_EXCLUDED = ['C9001'];

/**
 * ERP customers, contacts and exclusions for the instant-account demo. Northwind and Contoso are
 * linked to their ERP customers; Tailspin and Wingtip become organizations when Tom or Wes
 * claim an account (tom@tailspin.test is a contact of both); the cash account and C9001 refuse.
 */
export async function seedErpDemo(tx: Executor, now = new Date()): Promise<void> {
  for (const { organizationName, ...customer } of DEMO_ERP_CUSTOMERS) {
    await tx.insert(erpCustomers).values({ ...customer, importedAt: now });
    if (organizationName)
      await tx
        .update(organizations)
        .set({ erpCustomerCode: customer.code })
        .where(eq(organizations.name, organizationName));
  }
  await tx.insert(erpContacts).values(DEMO_ERP_CONTACTS.map((contact) => ({ ...contact, importedAt: now })));
  await tx.insert(erpExcludedCustomers).values(DEMO_ERP_EXCLUDED.map((code) => ({ code, createdAt: now })));
}
