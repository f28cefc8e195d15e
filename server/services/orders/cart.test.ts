import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { products, type Organization, type PriceList, type Product } from '@/db/schema';
import { PERMISSION_REFUSED } from '@/server/trpc/init';
import { givePriceList, createProduct } from '@/server/testing/catalog';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import {
  createCaller,
  createMember,
  createMembership,
  createOrganization,
  signIn,
  type Member,
} from '@/server/testing/factories';

const database = setupTestDatabase();
let organization: Organization;
let list: PriceList;
let pen: Product;
let pad: Product;
let buyer: Member;

beforeAll(async () => {
  organization = await createOrganization(database.db);
  list = await givePriceList(database.db, organization, { discountBasisPoints: 1000 });
  pen = await createProduct(database.db, { prices: [[list, 250]], onHand: 40 });
  pad = await createProduct(database.db, { prices: [[list, 1_000]], onHand: 0 });
  buyer = await createMember(database.db, organization, { roles: ['buyer'], mayOrder: true });
});

const as = async (member: Member) => createCaller(await signIn(database.db, member.membership));

describe('the cart', () => {
  it('adds, sets and removes lines, and totals them at the contract price', async () => {
    const api = await as(buyer);
    await api.cart.clear();
    await api.cart.add({ sku: pen.sku.toLowerCase(), quantity: 4 });
    const cart = await api.cart.add({ sku: pad.sku, quantity: 1 });
    expect(cart.lines.map((line) => [line.sku, line.quantity])).toEqual([
      [pen.sku, 4],
      [pad.sku, 1],
    ]);
    // 10 % off: 2.50 → 2.25 and 10.00 → 9.00.
    expect('subtotal' in cart && cart.subtotal).toEqual({ amountMinor: 4 * 225 + 900, currency: 'USD' });
    expect(await api.cart.itemCount()).toBe(5);
    expect((await api.cart.setQuantity({ sku: pad.sku, quantity: 0 })).lines.map((line) => line.sku)).toEqual([
      pen.sku,
    ]);
    // The header's count follows: items, not lines.
    expect(await api.cart.itemCount()).toBe(4);
  });

  it('gives each line its product picture key, in the cart and in the checkout (null: a placeholder)', async () => {
    const key = 'a'.repeat(64);
    await database.db.update(products).set({ pictureKey: key }).where(eq(products.id, pen.id));
    const api = await as(buyer);
    await api.cart.clear();
    await api.cart.add({ sku: pen.sku, quantity: 1 });
    await api.cart.add({ sku: pad.sku, quantity: 1 });
    const pictures = (lines: { sku: string; pictureKey: string | null }[]) =>
      lines.map((line) => [line.sku, line.pictureKey]);
    const expected = [
      [pen.sku, key],
      [pad.sku, null],
    ];
    expect(pictures((await api.cart.get()).lines)).toEqual(expected);
    expect(pictures((await api.checkout.options()).cart.lines)).toEqual(expected);
  });

  it('adds twice when two clicks arrive at once, and refuses more than 9999 in a line', async () => {
    const api = await as(buyer);
    await api.cart.clear();
    await Promise.all([api.cart.add({ sku: pen.sku, quantity: 1 }), api.cart.add({ sku: pen.sku, quantity: 1 })]);
    expect((await api.cart.get()).lines[0]?.quantity).toBe(2);
    const tooMany = await trpcErrorOf(api.cart.add({ sku: pen.sku, quantity: 9_998 }));
    expect(tooMany.cause).toMatchObject({ fieldErrors: { quantity: [expect.stringContaining('at most 9999')] } });
  });

  it('takes a quick order, reporting each bad line with its number', async () => {
    const api = await as(buyer);
    await api.cart.clear();
    const result = await api.cart.quickOrder({ lines: `${pen.sku} 3\nNO-SUCH-SKU 1\n${pad.sku} zero\n${pad.sku} 2` });
    expect(result.added).toBe(2);
    expect(result.problems.map((problem) => problem.line)).toEqual([2, 3]);
    expect(result.cart.lines.map((line) => [line.sku, line.quantity]).sort()).toEqual(
      [
        [pen.sku, 3],
        [pad.sku, 2],
      ].sort(),
    );
  });

  it('is one per customer account of a login', async () => {
    const other = await createOrganization(database.db);
    const second = await createMembership(database.db, {
      userId: buyer.user.id,
      organizationId: other.id,
      roles: ['buyer'],
      mayOrder: true,
    });
    const here = await as(buyer);
    await here.cart.clear();
    await here.cart.add({ sku: pen.sku, quantity: 1 });
    const there = createCaller(await signIn(database.db, second));
    expect((await there.cart.get()).lines).toEqual([]);
    expect(await there.cart.itemCount()).toBe(0);
  });
});

describe('the flags, enforced by the server', () => {
  it('without "may order" every cart procedure is refused', async () => {
    const noOrder = await createMember(database.db, organization, { roles: ['buyer'], mayOrder: false });
    const api = await as(noOrder);
    const calls = [
      () => api.cart.get(),
      () => api.cart.add({ sku: pen.sku, quantity: 1 }),
      () => api.cart.quickOrder({ lines: `${pen.sku} 1` }),
    ];
    for (const call of calls) {
      const error = await trpcErrorOf(call());
      expect([error.code, error.message]).toEqual(['FORBIDDEN', PERMISSION_REFUSED]);
    }
  });

  it('without "may see prices" no price, line total or subtotal appears; without "may see stock" no stock', async () => {
    const blind = await createMember(database.db, organization, {
      roles: ['buyer'],
      mayOrder: true,
      maySeePrices: false,
      maySeeStock: false,
    });
    const api = await as(blind);
    const cart = await api.cart.add({ sku: pen.sku, quantity: 2 });
    const json = JSON.stringify(cart);
    expect(json).not.toMatch(/price|Price|lineTotal|subtotal|amountMinor|stock|available/);
    expect(cart.lines[0]).toMatchObject({ sku: pen.sku, quantity: 2 });

    const seeing = await as(buyer);
    const seen = await seeing.cart.get();
    expect(seen.lines[0]).toHaveProperty('price');
  });
});
