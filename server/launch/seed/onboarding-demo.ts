import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { contracts, customerAccounts, organizationProfiles, organizations, priceLists } from '../../../db/schema';

export const DEMO_PRICE_LISTS = [
  { name: 'Standard USD', currency: 'USD' },
  { name: 'Standard EUR', currency: 'EUR' },
  { name: 'Preferred USD', currency: 'USD' },
] as const;

type Profile = Omit<typeof organizationProfiles.$inferInsert, 'organizationId'>;

const PROFILES: Record<
  string,
  Profile & {
    joinCode?: string;
    account?: { currency: string; creditLimitMinor: number; priceList: string; discountBasisPoints?: number };
  }
> = {
  // The seller's own address: the emails' footer names it.
  'Countersign Supply Co.': {
    contactName: 'Sofia Seller',
    contactEmail: 'admin@countersign.test',
    phone: '+1 503 555 0110',
    taxNumber: 'US-93-5550110',
    addressLine1: '400 SW Market Street',
    addressLine2: 'Suite 1200',
    city: 'Portland',
    region: 'OR',
    postalCode: '97201',
    country: 'US',
  },
  'Northwind Traders': {
    contactName: 'Alice Admin',
    contactEmail: 'alice@northwind.test',
    phone: '+1 206 555 0100',
    taxNumber: 'US-91-1234567',
    addressLine1: '200 Harbor Way',
    city: 'Seattle',
    region: 'WA',
    postalCode: '98101',
    country: 'US',
    joinCode: 'NORTHWIND-JOIN',
    account: { currency: 'USD', creditLimitMinor: 5_000_000, priceList: 'Preferred USD', discountBasisPoints: 250 },
  },
  'Contoso Manufacturing': {
    contactName: 'Carla Admin',
    contactEmail: 'carla@contoso.test',
    phone: '+49 30 555 0199',
    taxNumber: 'DE123456789',
    addressLine1: 'Industriestraße 5',
    city: 'Berlin',
    postalCode: '10115',
    country: 'DE',
    joinCode: 'CONTOSO-JOIN',
    account: { currency: 'EUR', creditLimitMinor: 2_500_000, priceList: 'Standard EUR' },
  },
  'Fabrikam Labs': {
    contactName: 'Harper Pending',
    contactEmail: 'harper@fabrikam.test',
    phone: '+1 415 555 0142',
    taxNumber: 'US-94-7654321',
    addressLine1: '1 Lab Road',
    addressLine2: 'Building C',
    city: 'San Francisco',
    region: 'CA',
    postalCode: '94107',
    country: 'US',
  },
};

/** Price lists, registration profiles, and for the active buyers an account with a contract. */
export async function seedOnboardingDemo(tx: Executor, today: string): Promise<void> {
  const lists = await tx
    .insert(priceLists)
    .values([...DEMO_PRICE_LISTS])
    .returning();
  for (const [name, profile] of Object.entries(PROFILES)) {
    const [organization] = await tx.select().from(organizations).where(eq(organizations.name, name));
    if (!organization) continue;
    const { joinCode, account, ...submitted } = profile;
    await tx.insert(organizationProfiles).values({ organizationId: organization.id, ...submitted });
    if (joinCode) await tx.update(organizations).set({ joinCode }).where(eq(organizations.id, organization.id));
    if (!account) continue;
    await tx.insert(customerAccounts).values({
      organizationId: organization.id,
      currency: account.currency,
      creditLimitMinor: account.creditLimitMinor,
      paymentTerms: 'NET 30',
      paymentMethods: ['on_account', 'cod', 'card'],
    });
    await tx.insert(contracts).values({
      organizationId: organization.id,
      name: `${name} master agreement`,
      priceListId: lists.find((list) => list.name === account.priceList)?.id,
      discountBasisPoints: account.discountBasisPoints,
      validFrom: `${today.slice(0, 4)}-01-01`,
    });
  }
}
