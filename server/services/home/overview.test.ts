import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cartLines,
  orders,
  priceListPrices,
  products,
  spendingLimitAuthorizers,
  spendingLimits,
  type Order,
  type Organization,
  type Product,
} from '@/db/schema';
import { approvalTeam, teamOrder, type ApprovalTeam } from '@/server/testing/approval-team';
import { createProduct, givePriceList } from '@/server/testing/catalog';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import {
  ACCOUNT_MANAGER,
  createCaller,
  createMember,
  createOrganization,
  signIn,
  type Member,
} from '@/server/testing/factories';
import { placeOrder, readyToOrder } from '@/server/testing/orders';

const database = setupTestDatabase();

/** Anything that smells of an amount: the keys a price or a spend would travel under. */
const PRICE_KEYS = /Minor"|"total"|"subtotal"|"spend":\{/;

type Scene = {
  organization: Organization;
  addressId: string;
  pens: Product;
  pads: Product;
  requester: Member;
  authorizer: Member;
  manager: Member;
  withoutPrices: Member;
  small: Order;
  large: Order;
  other: ApprovalTeam;
  otherOrder: Order;
};

let scene: Scene;

async function limit(
  organization: Organization,
  requester: Member,
  authorizer: Member,
  limitMinor: number,
  period: 'order' | 'month',
) {
  const db = database.db;
  const [row] = await db
    .insert(spendingLimits)
    .values({
      organizationId: organization.id,
      membershipId: requester.membership.id,
      limitMinor,
      period,
      createdAt: new Date(),
    })
    .returning();
  await db.insert(spendingLimitAuthorizers).values({ limitId: row?.id ?? '', membershipId: authorizer.membership.id });
}

beforeAll(async () => {
  const db = database.db;
  const organization = await createOrganization(db);
  const list = await givePriceList(db, organization);
  const { address } = await readyToOrder(db, organization);
  const pens = await createProduct(db, { prices: [[list, 10_000]], onHand: 1_000 });
  const pads = await createProduct(db, { prices: [[list, 500]], onHand: 1_000 });
  const requester = await createMember(db, organization, {
    roles: ['buyer'],
    mayOrder: true,
    maySeePrices: true,
    hasLimitedBudget: true,
    user: { name: 'Rita Requester' },
  });
  const authorizer = await createMember(db, organization, {
    roles: ['authorizer'],
    mayAuthorizeOrders: true,
    maySeePrices: true,
    user: { name: 'Andy Authorizer' },
  });
  const manager = await createMember(db, organization, ACCOUNT_MANAGER);
  const withoutPrices = await createMember(db, organization, { roles: ['buyer'], mayOrder: true, maySeePrices: false });
  // Someone asking to join, and someone invited who has not set a password yet.
  await createMember(db, organization, { roles: [], status: 'pending' });
  await createMember(db, organization, { roles: ['buyer'], user: { status: 'invited' } });
  await limit(organization, requester, authorizer, 100_000, 'order');
  await limit(organization, requester, authorizer, 200_000, 'month');
  const small = await placeOrder(db, requester, {
    lines: [
      [pens, 3],
      [pads, 2],
    ],
    addressId: address.id,
  });
  // Over the per-order limit: it waits for the authorizer.
  const large = await placeOrder(db, requester, { lines: [[pens, 11]], addressId: address.id });
  await placeOrder(db, withoutPrices, { lines: [[pads, 1]], addressId: address.id });
  const other = await approvalTeam(db);
  const otherOrder = await teamOrder(db, other, 11);
  scene = {
    organization,
    addressId: address.id,
    pens,
    pads,
    requester,
    authorizer,
    manager,
    withoutPrices,
    small,
    large,
    other,
    otherOrder,
  };
});

const overviewOf = async (member: Member) => createCaller(await signIn(database.db, member.membership)).home.overview();

describe('home.overview', () => {
  it('shows a buyer who may see prices their cart, recent orders with status and total, and this month’s spend', async () => {
    const { requester, pens, small, large } = scene;
    const caller = createCaller(await signIn(database.db, requester.membership));
    await database.db.delete(cartLines).where(eq(cartLines.membershipId, requester.membership.id));
    await caller.cart.add({ sku: pens.sku, quantity: 2 });
    const overview = await caller.home.overview();
    expect(overview.cart).toEqual({ lineCount: 1, itemCount: 2, total: { amountMinor: 20_000, currency: 'USD' } });
    expect(overview.recentOrders?.map((order) => order.number)).toEqual([large.number, small.number]);
    expect(overview.recentOrders?.[0]).toMatchObject({
      status: 'pending_approval',
      statusLabel: 'Waiting for approval',
      statusTone: 'warn',
      total: { amountMinor: large.totalMinor, currency: 'USD' },
      mayReorder: true,
    });
    const spent = small.totalMinor + large.totalMinor;
    expect(overview.spend).toEqual({
      currency: 'USD',
      spentMinor: spent,
      monthly: [
        {
          limitMinor: 200_000,
          percent: Math.round((spent / 200_000) * 100),
          remainingMinor: 200_000 - spent,
          overMinor: 0,
          tone: spent >= 160_000 ? 'warn' : 'good',
        },
      ],
      perOrder: [100_000],
    });
    expect(overview.templates).toEqual({ rows: [], more: false });
    expect(overview.waiting).toBeNull();
    expect(overview.people).toBeNull();
  });

  it('gives a buyer without May see prices no totals and no spend', async () => {
    const overview = await overviewOf(scene.withoutPrices);
    expect(overview.recentOrders).toHaveLength(1);
    expect(overview.cart).not.toBeNull();
    expect(overview.spend).toBeNull();
    expect(JSON.stringify(overview)).not.toMatch(PRICE_KEYS);
  });

  it('shows an authorizer the orders waiting for them, of their own organization only', async () => {
    const overview = await overviewOf(scene.authorizer);
    expect(overview.waiting).toEqual({
      total: 1,
      rows: [
        expect.objectContaining({
          number: scene.large.number,
          requesterName: 'Rita Requester',
          total: { amountMinor: scene.large.totalMinor, currency: 'USD' },
        }),
      ],
    });
    const elsewhere = await overviewOf(scene.other.a);
    expect(elsewhere.waiting?.rows.map((row) => row.number)).toEqual([scene.otherOrder.number]);
    expect(JSON.stringify(elsewhere)).not.toContain(scene.large.number);
    expect(JSON.stringify(elsewhere)).not.toContain(scene.small.number);
  });

  it('shows an account manager the joining requests and invited members waiting', async () => {
    const overview = await overviewOf(scene.manager);
    expect(overview.people).toEqual({ joining: 1, invited: 1 });
    // Another organization's manager counts only their own people.
    expect((await overviewOf(scene.other.manager)).people).toEqual({ joining: 0, invited: 0 });
  });

  it('is refused to seller staff (a buyer’s page)', async () => {
    const seller = await createOrganization(database.db, { kind: 'seller' });
    const staff = await createMember(database.db, seller, { roles: ['seller_admin'] });
    expect(await trpcErrorOf(overviewOf(staff))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('Reorder from the home page', () => {
  it('copies the order’s lines into the cart at today’s price and skips products no longer sold', async () => {
    const { requester, pens, pads, small } = scene;
    const db = database.db;
    const caller = createCaller(await signIn(db, requester.membership));
    await db.delete(cartLines).where(eq(cartLines.membershipId, requester.membership.id));
    await db.update(priceListPrices).set({ unitPriceMinor: 12_000 }).where(eq(priceListPrices.productId, pens.id));
    await db.update(products).set({ active: false }).where(eq(products.id, pads.id));
    try {
      const [row] = (await caller.home.overview()).recentOrders?.filter((order) => order.number === small.number) ?? [];
      expect(row?.mayReorder).toBe(true);
      const result = await caller.orders.reorder({ number: small.number });
      expect(result).toMatchObject({ added: 1, leftOut: [{ sku: pads.sku, quantity: 2 }] });
      const cart = await caller.cart.get();
      expect(cart.lines).toEqual([
        expect.objectContaining({
          sku: pens.sku,
          quantity: 3,
          price: expect.objectContaining({ unitPriceMinor: 12_000 }),
        }),
      ]);
      expect((await caller.home.overview()).cart).toEqual({
        lineCount: 1,
        itemCount: 3,
        total: { amountMinor: 36_000, currency: 'USD' },
      });
      // The old order keeps the price it was placed at.
      const [kept] = await db
        .select({ total: orders.totalMinor })
        .from(orders)
        .where(and(eq(orders.id, small.id), inArray(orders.status, ['payment_authorized', 'backordered', 'released'])));
      expect(kept?.total).toBe(small.totalMinor);
    } finally {
      await db.update(products).set({ active: true }).where(eq(products.id, pads.id));
      await db.update(priceListPrices).set({ unitPriceMinor: 10_000 }).where(eq(priceListPrices.productId, pens.id));
    }
  });
});
