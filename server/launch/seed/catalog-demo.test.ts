import { count, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  fulfillmentCenters,
  inventory,
  memberships,
  priceListPrices,
  productImages,
  products,
  users,
} from '@/db/schema';
import { setupTestDatabase } from '@/server/testing/database';
import { createCaller, signIn } from '@/server/testing/factories';
import { demoCatalog } from './catalog-demo';
import { seedDemoPictures } from './demo-pictures';
import { seedDemoData } from './seed';

const database = setupTestDatabase();

async function demoMember(email: string) {
  const [row] = await database.db
    .select({ id: memberships.id, userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(users.email, email));
  if (!row) throw new Error(`no demo member ${email}`);
  return createCaller(await signIn(database.db, row));
}

describe('the demo catalog', () => {
  it('is the same every time, with a few hundred products across categories', () => {
    const catalog = demoCatalog();
    expect(demoCatalog()).toEqual(catalog);
    expect(catalog.length).toBe(300);
    expect(new Set(catalog.map((product) => product.category)).size).toBe(8);
    expect(catalog.filter((product) => product.onHand.EAST + product.onHand.WEST === 0).length).toBeGreaterThan(10);
  });

  it('is seeded with the demo data, and Northwind’s buyers see it as their flags allow', async () => {
    const started = Date.now();
    await seedDemoData(database.db);
    expect(Date.now() - started).toBeLessThan(20_000);
    const total = async (
      table: typeof products | typeof priceListPrices | typeof inventory | typeof fulfillmentCenters,
    ) => (await database.db.select({ n: count() }).from(table))[0]?.n;
    expect(await total(products)).toBe(300);
    expect(await total(fulfillmentCenters)).toBe(2);
    expect(await total(inventory)).toBe(600);
    expect(await total(priceListPrices)).toBeGreaterThan(850);
    // Pictures, for two categories (all of them take seconds; `npm run dev` draws them all): every
    // product gets one, stored in both sizes, and a family's variants share it.
    const drawn = demoCatalog().filter((entry) =>
      ['Writing Instruments', 'Safety & Protective Equipment'].includes(entry.category),
    );
    await seedDemoPictures(database.db, drawn);
    const keys = await database.db
      .select({ pictureKey: products.pictureKey })
      .from(products)
      .where(
        inArray(
          products.sku,
          drawn.map((entry) => entry.sku),
        ),
      );
    expect(keys).toHaveLength(drawn.length);
    expect(keys.every((row) => row.pictureKey !== null)).toBe(true);
    const distinct = new Set(keys.map((row) => row.pictureKey));
    expect(distinct.size).toBe(new Set(drawn.map((entry) => `${entry.category}/${entry.family}`)).size);
    expect(await database.db.select({ n: count() }).from(productImages)).toEqual([{ n: distinct.size * 2 }]);

    const product = demoCatalog().find(
      (candidate) => candidate.active && candidate.prices['Preferred USD'] && candidate.category.startsWith('Safety'),
    );
    const sku = product?.sku ?? '';
    const bob = await (await demoMember('bob@northwind.test')).catalog.product({ sku });
    const preferred = product?.prices['Preferred USD'] ?? 0;
    // Northwind: Preferred USD less 2.5 %, rounded half-up.
    expect(bob.price).toEqual({
      unitPriceMinor: Math.floor((preferred * 9_750 + 5_000) / 10_000),
      currency: 'USD',
      listPriceMinor: preferred,
      discountBasisPoints: 250,
    });
    expect(bob.stock?.available).toBe((product?.onHand.EAST ?? 0) + (product?.onHand.WEST ?? 0));
    const wendy = await (await demoMember('wendy@northwind.test')).catalog.product({ sku });
    expect(wendy).not.toHaveProperty('price');
    expect(wendy).toHaveProperty('stock');
    const victor = await (await demoMember('victor@northwind.test')).catalog.product({ sku });
    expect(victor).not.toHaveProperty('stock');
  });
});
