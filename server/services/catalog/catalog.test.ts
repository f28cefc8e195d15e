import { and, count, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  contracts,
  fulfillmentCenters,
  inventory,
  priceLists,
  products,
  type FulfillmentCenter,
  type Organization,
  type PriceList,
} from '@/db/schema';
import { setupTestDatabase } from '@/server/testing/database';
import {
  ACCOUNT_MANAGER,
  createCaller,
  createMember,
  createOrganization,
  signIn,
  unique,
  type Member,
} from '@/server/testing/factories';
import { trpcErrorOf } from '@/server/testing/errors';
import { CATALOG_SORTS, catalogProductsSchema } from '@/server/schemas/catalog';
import { listInputFrom } from '@/server/schemas/list-params';

const database = setupTestDatabase();

let staff: Member;
let listA: PriceList;
let listB: PriceList;
let east: FulfillmentCenter;
let west: FulfillmentCenter;
let orgA: Organization;
let orgB: Organization;
let manager: Member;
let noPrices: Member;
let noStock: Member;
let viewer: Member;
let managerB: Member;
let noContract: Member;

const as = async (member: Member) => createCaller(await signIn(database.db, member.membership));
const staffApi = () => as(staff);

/** A product made through the staff API, priced in the lists given (text as staff type it), with stock per center. */
async function product(
  options: {
    category?: string;
    name?: string;
    active?: boolean;
    prices?: [PriceList, string][];
    stock?: [FulfillmentCenter, number][];
  } = {},
) {
  const api = await staffApi();
  const sku = `T-${unique()}`.toUpperCase();
  const created = await api.staffCatalog.createProduct({
    sku: ` ${sku.toLowerCase()} `,
    name: options.name ?? `Widget ${unique()}`,
    description: 'A test widget.',
    unit: 'each',
    category: options.category ?? `Category ${unique()}`,
    active: options.active ?? true,
  });
  for (const [list, unitPrice] of options.prices ?? [])
    await api.staffCatalog.setPrice({ productId: created.id, priceListId: list.id, unitPrice });
  for (const [center, quantity] of options.stock ?? [])
    await api.staffCatalog.receiveStock({ productId: created.id, fulfillmentCenterId: center.id, quantity });
  return created;
}

beforeAll(async () => {
  const db = database.db;
  const seller = await createOrganization(db, { kind: 'seller', name: `Seller ${unique()}` });
  staff = await createMember(db, seller, { roles: ['seller_admin'] });
  [listA, listB] = (await db
    .insert(priceLists)
    .values([
      { name: `Test USD ${unique()}`, currency: 'USD' },
      { name: `Test EUR ${unique()}`, currency: 'EUR' },
    ])
    .returning()) as [PriceList, PriceList];
  [east, west] = (await db
    .insert(fulfillmentCenters)
    .values([
      { code: `E${unique()}`.toUpperCase(), name: 'East test center' },
      { code: `W${unique()}`.toUpperCase(), name: 'West test center' },
    ])
    .returning()) as [FulfillmentCenter, FulfillmentCenter];

  orgA = await createOrganization(db, { name: `Alpha ${unique()}` });
  orgB = await createOrganization(db, { name: `Beta ${unique()}` });
  await db.insert(contracts).values([
    // A: an old contract on the EUR list, the current one on the USD list with 10 %, one not started yet.
    { organizationId: orgA.id, name: 'Old', priceListId: listB.id, discountBasisPoints: 0, validFrom: '2010-01-01' },
    {
      organizationId: orgA.id,
      name: 'Current',
      priceListId: listA.id,
      discountBasisPoints: 1_000,
      validFrom: '2020-01-01',
    },
    {
      organizationId: orgA.id,
      name: 'Future',
      priceListId: listB.id,
      discountBasisPoints: 5_000,
      validFrom: '2999-01-01',
    },
    {
      organizationId: orgA.id,
      name: 'Ended',
      priceListId: listB.id,
      discountBasisPoints: 7_000,
      validFrom: '2021-01-01',
      validTo: '2021-12-31',
    },
    // B: the same list with its own 25 %.
    {
      organizationId: orgB.id,
      name: 'B terms',
      priceListId: listA.id,
      discountBasisPoints: 2_500,
      validFrom: '2022-01-01',
    },
  ]);
  manager = await createMember(db, orgA, ACCOUNT_MANAGER);
  noPrices = await createMember(db, orgA, { roles: ['buyer'], mayOrder: true, maySeePrices: false });
  noStock = await createMember(db, orgA, { roles: ['buyer'], mayOrder: true, maySeeStock: false });
  viewer = await createMember(db, orgA, { roles: ['viewer'] });
  managerB = await createMember(db, orgB, ACCOUNT_MANAGER);
  noContract = await createMember(db, await createOrganization(db), ACCOUNT_MANAGER);
});

describe('prices follow the organization’s contract', () => {
  it('takes the list of the contract valid today that started last, less its discount rounded half-up', async () => {
    const priced = await product({
      prices: [
        [listA, '12.35'],
        [listB, '99.00'],
      ],
    });
    // 12.35 less 10 % is 11.115: rounded half-up to the cent, 11.12.
    expect((await (await as(manager)).catalog.product({ sku: priced.sku })).price).toEqual({
      unitPriceMinor: 1_112,
      currency: 'USD',
      listPriceMinor: 1_235,
      discountBasisPoints: 1_000,
    });
    // B's contract names the same list with 25 %: 9.2625 → 9.26. Neither sees the other's.
    expect((await (await as(managerB)).catalog.product({ sku: priced.sku })).price).toEqual({
      unitPriceMinor: 926,
      currency: 'USD',
      listPriceMinor: 1_235,
      discountBasisPoints: 2_500,
    });
  });

  it('says "price on request" (null) without a price in the list or without a current contract', async () => {
    const eurOnly = await product({ prices: [[listB, '5.00']] });
    expect((await (await as(manager)).catalog.product({ sku: eurOnly.sku })).price).toBeNull();
    expect((await (await as(noContract)).catalog.product({ sku: eurOnly.sku })).price).toBeNull();
  });

  it('leaves out list price and discount when there is no discount', async () => {
    const db = database.db;
    const organization = await createOrganization(db);
    await db
      .insert(contracts)
      .values({ organizationId: organization.id, name: 'Plain', priceListId: listB.id, validFrom: '2020-01-01' });
    const member = await createMember(db, organization, ACCOUNT_MANAGER);
    const eur = await product({ prices: [[listB, '7.5']] });
    expect((await (await as(member)).catalog.product({ sku: eur.sku })).price).toEqual({
      unitPriceMinor: 750,
      currency: 'EUR',
    });
  });

  it("never shows organization A's members B's contract price in any list", async () => {
    const category = `Shared ${unique()}`;
    await product({ category, prices: [[listA, '40.00']] });
    const api = await as(manager);
    const json = JSON.stringify([await api.catalog.products({ category }), await api.catalog.categories()]);
    expect(json).toContain('"unitPriceMinor":3600');
    expect(json).not.toContain('"discountBasisPoints":2500');
    expect(json).not.toContain('"unitPriceMinor":3000');
  });
});

describe('prices and stock reach only members allowed to see them', () => {
  const PRICE_KEYS = /"(price|unitPriceMinor|listPriceMinor|discountBasisPoints|currency)"/;
  const STOCK_KEYS = /"(stock|available|byCenter|onHand|allocated)"/;

  async function everything(member: Member, sku: string, category: string) {
    const api = await as(member);
    return {
      categories: await api.catalog.categories(),
      list: await api.catalog.products({ category }),
      product: await api.catalog.product({ sku }),
    };
  }

  it('without "may see prices": no price key anywhere, stock still there', async () => {
    const category = `Flags ${unique()}`;
    const item = await product({ category, prices: [[listA, '10.00']], stock: [[east, 5]] });
    const seen = await everything(noPrices, item.sku, category);
    expect(JSON.stringify(seen)).not.toMatch(PRICE_KEYS);
    expect(Object.keys(seen.product).sort()).toEqual([
      'category',
      'description',
      'name',
      'pictureKey',
      'sku',
      'stock',
      'unit',
    ]);
    expect(seen.list.products.map((row) => Object.keys(row).sort())).toEqual([
      ['category', 'name', 'pictureKey', 'sku', 'stock', 'unit'],
    ]);
    expect(seen.product.stock).toEqual({
      available: 5,
      byCenter: [
        { code: east.code, name: east.name, available: 5 },
        { code: west.code, name: west.name, available: 0 },
      ],
    });
  });

  it('without "may see stock": no stock key anywhere, price still there', async () => {
    const category = `Flags ${unique()}`;
    const item = await product({ category, prices: [[listA, '10.00']], stock: [[east, 5]] });
    const seen = await everything(noStock, item.sku, category);
    expect(JSON.stringify(seen)).not.toMatch(STOCK_KEYS);
    expect(Object.keys(seen.product).sort()).toEqual([
      'category',
      'description',
      'name',
      'pictureKey',
      'price',
      'sku',
      'unit',
    ]);
    expect(seen.list.products[0]?.price).toMatchObject({ unitPriceMinor: 900 });
  });

  it('a role without either permission (viewer) sees neither, even with both flags on', async () => {
    const category = `Flags ${unique()}`;
    const item = await product({ category, prices: [[listA, '10.00']], stock: [[east, 5]] });
    const json = JSON.stringify(await everything(viewer, item.sku, category));
    expect(json).not.toMatch(PRICE_KEYS);
    expect(json).not.toMatch(STOCK_KEYS);
    expect(json).toContain(item.sku);
  });

  it('a member holding both sees the price, and total availability in lists and per center on the page', async () => {
    const category = `Flags ${unique()}`;
    const item = await product({
      category,
      prices: [[listA, '10.00']],
      stock: [
        [east, 5],
        [west, 7],
      ],
    });
    const seen = await everything(manager, item.sku, category);
    expect(seen.list.products[0]).toMatchObject({ price: { unitPriceMinor: 900 }, stock: { available: 12 } });
    expect(seen.list.products[0]?.stock).not.toHaveProperty('byCenter');
    expect(seen.product.stock?.byCenter?.map((center) => center.available)).toEqual([5, 7]);
  });
});

describe('browsing', () => {
  it('lists categories with counts of active products, filters by category, searches SKU and name, pages', async () => {
    const category = `Browse ${unique()}`;
    const token = unique();
    const made = [];
    for (const name of [`Alpha ${token}`, `beta ${token}`, `Gamma ${token}`])
      made.push(await product({ category, name }));
    await product({ category, name: `Hidden ${token}`, active: false });
    const api = await as(manager);
    expect((await api.catalog.categories()).find((row) => row.name === category)).toEqual({
      name: category,
      productCount: 3,
    });

    const first = await api.catalog.products({ category, pageSize: 2 });
    expect(first).toMatchObject({ page: 1, total: 3, hasNext: true });
    expect(first.products.map((row) => row.name)).toEqual([`Alpha ${token}`, `beta ${token}`]);
    const second = await api.catalog.products({ category, pageSize: 2, page: 2 });
    expect(second).toMatchObject({ hasNext: false });
    expect(second.products.map((row) => row.name)).toEqual([`Gamma ${token}`]);

    expect((await api.catalog.products({ search: `GAMMA ${token}` })).products.map((row) => row.sku)).toEqual([
      made[2]?.sku,
    ]);
    expect((await api.catalog.products({ search: made[1]?.sku.toLowerCase() })).products.map((row) => row.sku)).toEqual(
      [made[1]?.sku],
    );
    expect((await api.catalog.products({ search: `Hidden ${token}` })).total).toBe(0);
    expect(
      (await api.catalog.products({ search: '%' })).products.every(
        (row) => row.name.includes('%') || row.sku.includes('%'),
      ),
    ).toBe(true);
  });

  it('does not show an inactive or unknown product', async () => {
    const hidden = await product({ active: false });
    const api = await as(manager);
    expect((await trpcErrorOf(api.catalog.product({ sku: hidden.sku }))).code).toBe('NOT_FOUND');
    expect((await trpcErrorOf(api.catalog.product({ sku: 'NO-SUCH-SKU' }))).code).toBe('NOT_FOUND');
  });
});

describe('sorting and counting the list', () => {
  /** Four products in a fresh category: names in one order, A's prices in another, one without a price in A's list. */
  async function sortable() {
    const category = `Sort ${unique()}`;
    const token = unique();
    const made = {
      delta: await product({ category, name: `Delta ${token}`, prices: [[listA, '20.00']] }),
      alpha: await product({ category, name: `alpha ${token}`, prices: [[listA, '30.00']] }),
      charlie: await product({ category, name: `Charlie ${token}`, prices: [[listB, '1.00']] }),
      bravo: await product({ category, name: `Bravo ${token}`, prices: [[listA, '10.00']] }),
    };
    return { category, made };
  }
  const skus = (list: { products: { sku: string }[] }) => list.products.map((row) => row.sku);

  it('sorts by name, by the member’s price both ways with unpriced products last, and newest first', async () => {
    const { category, made } = await sortable();
    const api = await as(manager);
    const byName = await api.catalog.products({ category });
    expect(byName.sort).toBe('name');
    expect(skus(byName)).toEqual([made.alpha.sku, made.bravo.sku, made.charlie.sku, made.delta.sku]);

    const cheapest = await api.catalog.products({ category, sort: 'price_asc' });
    expect(cheapest.sort).toBe('price_asc');
    expect(skus(cheapest)).toEqual([made.bravo.sku, made.delta.sku, made.alpha.sku, made.charlie.sku]);
    expect(cheapest.products.map((row) => row.price?.unitPriceMinor ?? null)).toEqual([900, 1_800, 2_700, null]);

    const dearest = await api.catalog.products({ category, sort: 'price_desc' });
    expect(skus(dearest)).toEqual([made.alpha.sku, made.delta.sku, made.bravo.sku, made.charlie.sku]);

    const newest = await api.catalog.products({ category, sort: 'newest' });
    expect(skus(newest)).toEqual([made.bravo.sku, made.charlie.sku, made.alpha.sku, made.delta.sku]);

    // Organization B's contract names the same list: B's own prices, the same order, never A's amounts.
    const forB = await (await as(managerB)).catalog.products({ category, sort: 'price_desc' });
    expect(skus(forB)).toEqual(skus(dearest));
    expect(forB.products[0]?.price?.unitPriceMinor).toBe(2_250);
  });

  it('a price sort for a member who may not see prices, or has no priced contract, is the name order', async () => {
    const { category } = await sortable();
    const byName = skus(await (await as(manager)).catalog.products({ category }));
    for (const member of [noPrices, viewer, noContract]) {
      const api = await as(member);
      for (const sort of ['price_asc', 'price_desc'] as const) {
        const list = await api.catalog.products({ category, sort });
        expect(list.sort).toBe('name');
        expect(skus(list)).toEqual(byName);
        if (member !== noContract) expect(JSON.stringify(list)).not.toMatch(/"(price|unitPriceMinor)"/);
      }
    }
  });

  it('counts the pages of the filtered list, the same in every sort', async () => {
    const { category } = await sortable();
    const api = await as(manager);
    for (const sort of CATALOG_SORTS) {
      const first = await api.catalog.products({ category, sort, pageSize: 3 });
      expect(first).toMatchObject({ page: 1, pageCount: 2, total: 4, hasNext: true });
      const second = await api.catalog.products({ category, sort, pageSize: 3, page: 2 });
      expect(second).toMatchObject({ page: 2, pageCount: 2, hasNext: false });
      expect([...skus(first), ...skus(second)]).toHaveLength(4);
      expect(new Set([...skus(first), ...skus(second)]).size).toBe(4);
    }
    expect(await api.catalog.products({ category: `Empty ${unique()}` })).toMatchObject({ total: 0, pageCount: 1 });
  });

  it('an unknown sort in the address falls back to the name order; the procedure refuses it', async () => {
    expect(listInputFrom(catalogProductsSchema, { sort: 'price; drop table' }).input.sort).toBe('name');
    expect(listInputFrom(catalogProductsSchema, { sort: 'price_desc' }).input.sort).toBe('price_desc');
    expect(listInputFrom(catalogProductsSchema, {}).input.sort).toBe('name');
    const api = await as(manager);
    const refused = await trpcErrorOf(api.catalog.products({ sort: 'cheapest' as never }));
    expect(refused.code).toBe('BAD_REQUEST');
  });
});

describe('staff manage the catalog', () => {
  it('stores the SKU trimmed and upper-cased, and refuses a second product with it beside the field', async () => {
    const api = await staffApi();
    const sku = `N-${unique()}`;
    const created = await api.staffCatalog.createProduct({
      sku: `  ${sku.toLowerCase()} `,
      name: 'Normalized',
      description: '',
      unit: 'box',
      category: 'Staff',
      active: true,
    });
    expect(created.sku).toBe(sku.toUpperCase());
    const twice = await trpcErrorOf(
      api.staffCatalog.createProduct({
        sku,
        name: 'Again',
        description: '',
        unit: 'box',
        category: 'Staff',
        active: true,
      }),
    );
    expect(twice.cause).toMatchObject({
      fieldErrors: { sku: [`A product with SKU ${sku.toUpperCase()} already exists.`] },
    });
    const bad = await trpcErrorOf(
      api.staffCatalog.createProduct({
        sku: 'has space',
        name: 'Bad',
        description: '',
        unit: 'box',
        category: 'Staff',
        active: true,
      }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
  });

  it('edits a product and its prices; an empty price takes it out of the list; bad amounts are refused', async () => {
    const api = await staffApi();
    const item = await product({ prices: [[listA, '3.00']] });
    await api.staffCatalog.updateProduct({
      productId: item.id,
      name: 'Renamed',
      description: 'New words',
      unit: 'pack of 6',
      category: 'Renamed category',
      active: false,
    });
    const detail = await api.staffCatalog.product({ sku: item.sku });
    expect(detail.product).toMatchObject({
      name: 'Renamed',
      description: 'New words',
      unit: 'pack of 6',
      category: 'Renamed category',
      active: false,
    });
    expect(detail.prices.find((price) => price.id === listA.id)?.unitPriceMinor).toBe(300);

    const tooPrecise = await trpcErrorOf(
      api.staffCatalog.setPrice({ productId: item.id, priceListId: listA.id, unitPrice: '1.005' }),
    );
    expect(tooPrecise.cause).toMatchObject({
      fieldErrors: { unitPrice: ['"1.005" is not a price in USD. Write it like 12.50, with at most 2 decimals.'] },
    });
    await api.staffCatalog.setPrice({ productId: item.id, priceListId: listA.id, unitPrice: '' });
    expect(
      (await api.staffCatalog.product({ sku: item.sku })).prices.find((price) => price.id === listA.id)?.unitPriceMinor,
    ).toBeNull();

    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, item.id), eq(auditLog.action, 'catalog.product_updated')));
    expect(audit?.data).toMatchObject({ sku: item.sku, changed: { name: 'Renamed', active: false } });
  });

  it('records received stock and counts under the row lock; on hand never drops below what is allocated', async () => {
    const api = await staffApi();
    const item = await product({ stock: [[east, 10]] });
    // An order holds 8 of the 10 (allocations arrive with orders; set directly here).
    await database.db
      .update(inventory)
      .set({ allocated: 8 })
      .where(and(eq(inventory.productId, item.id), eq(inventory.fulfillmentCenterId, east.id)));

    const received = await api.staffCatalog.receiveStock({
      productId: item.id,
      fulfillmentCenterId: east.id,
      quantity: 5,
    });
    expect(received).toEqual({ onHand: 15, allocated: 8, available: 7, version: 2 });
    const negative = await trpcErrorOf(
      api.staffCatalog.receiveStock({ productId: item.id, fulfillmentCenterId: east.id, quantity: -10 }),
    );
    expect(negative.code).toBe('BAD_REQUEST');

    const below = await trpcErrorOf(
      api.staffCatalog.countStock({ productId: item.id, fulfillmentCenterId: east.id, onHand: 7, expectedVersion: 2 }),
    );
    expect(below.cause).toMatchObject({
      fieldErrors: { onHand: ['On hand cannot be 7: 8 are already allocated to orders.'] },
    });
    const stale = await trpcErrorOf(
      api.staffCatalog.countStock({ productId: item.id, fulfillmentCenterId: east.id, onHand: 9, expectedVersion: 1 }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(
      await api.staffCatalog.countStock({
        productId: item.id,
        fulfillmentCenterId: east.id,
        onHand: 8,
        expectedVersion: 2,
      }),
    ).toEqual({ onHand: 8, allocated: 8, available: 0, version: 3 });

    const stock = (await api.staffCatalog.product({ sku: item.sku })).stock;
    expect(stock.map(({ code, onHand, allocated, available }) => ({ code, onHand, allocated, available }))).toEqual([
      { code: east.code, onHand: 8, allocated: 8, available: 0 },
      { code: west.code, onHand: 0, allocated: 0, available: 0 },
    ]);
    const actions = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, item.id))
      .orderBy(auditLog.createdAt);
    expect(actions.map((row) => row.action).filter((action) => action.startsWith('catalog.stock'))).toEqual([
      'catalog.stock_received',
      'catalog.stock_received',
      'catalog.stock_counted',
    ]);
  });

  it('concurrent receipts at one center both count', async () => {
    const api = await staffApi();
    const item = await product();
    await Promise.all(
      [1, 2, 3, 4].map((quantity) =>
        api.staffCatalog.receiveStock({ productId: item.id, fulfillmentCenterId: west.id, quantity }),
      ),
    );
    const [row] = await database.db
      .select()
      .from(inventory)
      .where(and(eq(inventory.productId, item.id), eq(inventory.fulfillmentCenterId, west.id)));
    expect(row).toMatchObject({ onHand: 10, version: 4 });
  });

  it('lists products for staff with search, status and paging', async () => {
    const category = `Staff list ${unique()}`;
    await product({ category, stock: [[east, 3]] });
    await product({ category, active: false });
    const api = await staffApi();
    expect((await api.staffCatalog.products({ category })).total).toBe(2);
    const inactive = await api.staffCatalog.products({ category, status: 'inactive' });
    expect(inactive.rows.map((row) => row.active)).toEqual([false]);
    const active = await api.staffCatalog.products({ category, status: 'active' });
    expect(active.rows[0]).toMatchObject({ onHand: 3, available: 3 });
    expect((await api.staffCatalog.options()).categories).toContain(category);
  });
});

describe('the CSV import', () => {
  const productsCsv = (...rows: string[]) => ['sku,name,unit,category,description', ...rows].join('\n');

  it('previews without writing, then applies as an upsert: rows absent are left alone; bad rows are reported', async () => {
    const api = await staffApi();
    const category = `Import ${unique()}`;
    const kept = await product({ category, name: 'Kept as is', prices: [[listA, '1.00']], stock: [[east, 4]] });
    const updated = await product({ category, name: 'Old name' });
    const fresh = `IMP-${unique()}`.toUpperCase();
    const files = {
      productsCsv: productsCsv(
        `${updated.sku},New name,each,${category},Now described`,
        `${fresh},Imported widget,box,${category},`,
        `BAD SKU,Nope,each,${category},`,
      ),
      pricesCsv: ['price_list,sku,unit_price', `${listA.name},${fresh},12.50`, `${listA.name},${updated.sku},abc`].join(
        '\n',
      ),
      stockCsv: ['fulfillment_center,sku,on_hand', `${west.code.toLowerCase()},${fresh},40`, `NOWHERE,${fresh},1`].join(
        '\n',
      ),
    };
    const productCount = async () => (await database.db.select({ n: count() }).from(products))[0]?.n;
    const before = await productCount();

    const preview = await api.staffCatalog.previewImport(files);
    expect(preview).toMatchObject({
      blocked: false,
      files: {
        products: { rows: 3, added: 1, updated: 1, unchanged: 0, skipped: 1 },
        prices: { rows: 2, added: 1, skipped: 1 },
        stock: { rows: 2, added: 1, skipped: 1 },
      },
      problemCount: 3,
    });
    expect(preview.problems.map((problem) => [problem.file, problem.line])).toEqual([
      ['products.csv', 4],
      ['prices.csv', 3],
      ['stock.csv', 3],
    ]);
    expect(await productCount()).toBe(before);
    expect((await database.db.select().from(auditLog).where(eq(auditLog.action, 'catalog.imported'))).length).toBe(0);

    // With errors left, applying everything imports nothing; only the explicit choice takes the good rows.
    const refused = await trpcErrorOf(api.staffCatalog.applyImport(files));
    expect(refused).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Nothing was imported: 3 rows have errors. Fix them, or choose to import only the rows without errors.',
    });
    expect(await productCount()).toBe(before);
    expect(await api.staffCatalog.applyImport({ ...files, mode: 'valid_rows_only' })).toEqual({
      ...preview,
      imported: 4,
      skipped: 3,
    });
    const rows = await database.db
      .select()
      .from(products)
      .where(eq(products.category, category))
      .orderBy(products.name);
    expect(rows.map((row) => [row.name, row.description])).toEqual([
      ['Imported widget', ''],
      ['Kept as is', 'A test widget.'],
      ['New name', 'Now described'],
    ]);
    const imported = await api.staffCatalog.product({ sku: fresh });
    expect(imported.prices.find((price) => price.id === listA.id)?.unitPriceMinor).toBe(1_250);
    expect(imported.stock.find((level) => level.code === west.code)?.onHand).toBe(40);
    const keptDetail = await api.staffCatalog.product({ sku: kept.sku });
    expect(keptDetail.prices.find((price) => price.id === listA.id)?.unitPriceMinor).toBe(100);
    expect(keptDetail.stock.find((level) => level.code === east.code)?.onHand).toBe(4);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'catalog.imported'))
      .orderBy(desc(auditLog.createdAt));
    expect(audit?.data).toMatchObject({ problemCount: 3, imported: 4, skipped: 3, files: { products: { added: 1 } } });

    // The buyer sees the imported product at once, priced by the contract.
    expect((await (await as(manager)).catalog.product({ sku: fresh })).price).toMatchObject({ unitPriceMinor: 1_125 });
  });

  it('does not create a category from a typo: an unknown category is a row error unless chosen', async () => {
    const api = await staffApi();
    const category = `Imported ${unique()}`;
    const sku = `CAT-${unique()}`.toUpperCase();
    const files = { productsCsv: productsCsv(`${sku},Tape roll,each,${category},`) };

    const preview = await api.staffCatalog.previewImport(files);
    expect(preview).toMatchObject({
      problemCount: 1,
      unknownCategories: [category],
      newCategories: [],
      problems: [{ file: 'products.csv', line: 2, message: expect.stringContaining(`Unknown category "${category}"`) }],
    });
    expect((await trpcErrorOf(api.staffCatalog.applyImport(files))).code).toBe('BAD_REQUEST');
    expect(await api.staffCatalog.applyImport({ ...files, mode: 'valid_rows_only' })).toMatchObject({
      imported: 0,
      skipped: 1,
    });
    expect(await database.db.select().from(products).where(eq(products.sku, sku))).toEqual([]);

    const chosen = { ...files, createCategories: [category] };
    expect(await api.staffCatalog.previewImport(chosen)).toMatchObject({
      problemCount: 0,
      unknownCategories: [],
      newCategories: [category],
    });
    expect(await api.staffCatalog.applyImport(chosen)).toMatchObject({ imported: 1, skipped: 0 });
    expect(
      await database.db.select({ category: products.category }).from(products).where(eq(products.sku, sku)),
    ).toEqual([{ category }]);
  });

  it('refuses stock below what is allocated, and a file it cannot read applies nothing', async () => {
    const api = await staffApi();
    const item = await product({ stock: [[east, 6]] });
    await database.db.update(inventory).set({ allocated: 6 }).where(eq(inventory.productId, item.id));
    const preview = await api.staffCatalog.previewImport({
      stockCsv: `fulfillment_center,sku,on_hand\n${east.code},${item.sku},2\n`,
    });
    expect(preview.problems).toEqual([
      { file: 'stock.csv', line: 2, message: `on_hand 2 is below the 6 already allocated to orders at ${east.code}.` },
    ]);

    const blocked = { productsCsv: 'sku,title\nX-1,Nope\n' };
    expect(await api.staffCatalog.previewImport(blocked)).toMatchObject({
      blocked: true,
      problems: [{ file: 'products.csv', line: 1 }],
    });
    const refused = await trpcErrorOf(api.staffCatalog.applyImport(blocked));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('Nothing was imported') });
    expect((await trpcErrorOf(api.staffCatalog.previewImport({}))).code).toBe('BAD_REQUEST');
  });
});

describe('who may call what', () => {
  it('refuses buyers the staff catalog, and staff the store catalog', async () => {
    const buyerCall = await trpcErrorOf((await as(manager)).staffCatalog.products({}));
    expect(buyerCall.code).toBe('FORBIDDEN');
    const buyerImport = await trpcErrorOf(
      (await as(manager)).staffCatalog.applyImport({ productsCsv: 'sku,name,unit,category\n' }),
    );
    expect(buyerImport.code).toBe('FORBIDDEN');
    const staffCall = await trpcErrorOf((await staffApi()).catalog.products({}));
    expect(staffCall.code).toBe('FORBIDDEN');
  });

  it('refuses staff without the catalog permission', async () => {
    const clerk = await createMember(database.db, staff.organization, { roles: ['fulfillment_clerk'] });
    expect((await trpcErrorOf((await as(clerk)).staffCatalog.options())).code).toBe('FORBIDDEN');
  });
});
