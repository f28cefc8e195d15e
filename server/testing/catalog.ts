import type { Database } from '@/db/client';
import {
  contracts,
  fulfillmentCenters,
  inventory,
  priceListPrices,
  priceLists,
  products,
  type Organization,
  type PriceList,
} from '@/db/schema';
import { unique } from './factories';

/** A price list and a contract that gives it to the organization from 2020 on, with an optional discount. */
export async function givePriceList(
  db: Database,
  organization: Organization,
  options: { currency?: string; discountBasisPoints?: number } = {},
) {
  const [list] = await db
    .insert(priceLists)
    .values({ name: `List ${unique()}`, currency: options.currency ?? 'USD' })
    .returning();
  if (!list) throw new Error('factory: price list');
  await db.insert(contracts).values({
    organizationId: organization.id,
    name: 'Test contract',
    priceListId: list.id,
    discountBasisPoints: options.discountBasisPoints,
    validFrom: '2020-01-01',
  });
  return list;
}

/** An active product priced in the given lists, with stock on hand in one new fulfillment center. */
export async function createProduct(
  db: Database,
  options: { prices?: [PriceList, number][]; onHand?: number; active?: boolean } = {},
) {
  const [product] = await db
    .insert(products)
    .values({
      sku: `P-${unique()}`.toUpperCase(),
      name: `Product ${unique()}`,
      description: '',
      unit: 'each',
      category: 'Test',
      active: options.active ?? true,
    })
    .returning();
  if (!product) throw new Error('factory: product');
  for (const [list, unitPriceMinor] of options.prices ?? []) {
    await db.insert(priceListPrices).values({ priceListId: list.id, productId: product.id, unitPriceMinor });
  }
  if (options.onHand !== undefined) {
    const [center] = await db
      .insert(fulfillmentCenters)
      .values({ code: `C${unique()}`.slice(0, 20).toUpperCase(), name: 'Test center' })
      .returning();
    if (!center) throw new Error('factory: center');
    await db
      .insert(inventory)
      .values({ productId: product.id, fulfillmentCenterId: center.id, onHand: options.onHand, allocated: 0 });
  }
  return product;
}
