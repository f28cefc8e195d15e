import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { organizationAddresses, organizations, shippingMethods } from '../../../db/schema';

/** The seller's shipping methods, in both currencies the demo accounts use. */
export const DEMO_SHIPPING_METHODS = [
  {
    code: 'STANDARD',
    name: 'Standard ground',
    description: '3–5 business days',
    costMinor: 1_500,
    currency: 'USD',
    sortOrder: 1,
  },
  {
    code: 'EXPRESS',
    name: 'Express',
    description: 'Next business day',
    costMinor: 4_500,
    currency: 'USD',
    sortOrder: 2,
  },
  {
    code: 'PICKUP',
    name: 'Pick up at the warehouse',
    description: 'Ready the next business day',
    costMinor: 0,
    currency: 'USD',
    sortOrder: 3,
  },
  {
    code: 'STANDARD-EU',
    name: 'Standard',
    description: '2–4 business days',
    costMinor: 1_200,
    currency: 'EUR',
    sortOrder: 1,
  },
  {
    code: 'EXPRESS-EU',
    name: 'Express',
    description: 'Next business day',
    costMinor: 3_900,
    currency: 'EUR',
    sortOrder: 2,
  },
] as const;

type DemoAddress = Omit<typeof organizationAddresses.$inferInsert, 'organizationId'>;

const DEMO_ADDRESSES: Record<string, DemoAddress[]> = {
  'Northwind Traders': [
    {
      label: 'Head office',
      recipient: 'Northwind Traders — Receiving',
      addressLine1: '200 Harbor Way',
      city: 'Seattle',
      region: 'WA',
      postalCode: '98101',
      country: 'US',
      isDefault: true,
    },
    {
      label: 'Warehouse East',
      recipient: 'Northwind Warehouse East',
      addressLine1: '45 Industrial Pkwy',
      addressLine2: 'Dock 3',
      city: 'Tacoma',
      region: 'WA',
      postalCode: '98421',
      country: 'US',
    },
  ],
  'Contoso Manufacturing': [
    {
      label: 'Werk Nord',
      recipient: 'Contoso Manufacturing — Wareneingang',
      addressLine1: 'Industriestraße 5',
      city: 'Berlin',
      postalCode: '10115',
      country: 'DE',
      isDefault: true,
    },
    {
      label: 'Werk Süd',
      recipient: 'Contoso Werk Süd',
      addressLine1: 'Hafenstraße 12',
      city: 'München',
      postalCode: '80331',
      country: 'DE',
    },
  ],
};

/** Shipping methods, and ship-to addresses for the active demo buyers. */
export async function seedOrdersDemo(tx: Executor): Promise<void> {
  await tx.insert(shippingMethods).values([...DEMO_SHIPPING_METHODS]);
  for (const [name, addresses] of Object.entries(DEMO_ADDRESSES)) {
    const [organization] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.name, name));
    if (organization)
      await tx
        .insert(organizationAddresses)
        .values(addresses.map((address) => ({ ...address, organizationId: organization.id })));
  }
}
