import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  cartLines,
  inventory,
  orderEvents,
  orders,
  products,
  type Order,
  type Organization,
  type PriceList,
  type Product,
} from '@/db/schema';
import { MAX_LINE_QUANTITY } from '@/server/domain/orders/cart';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import { createCaller, createMember, createOrganization, signIn, type Member } from '@/server/testing/factories';
import { createProduct, givePriceList } from '@/server/testing/catalog';
import { raceBehindLock } from '@/server/testing/locks';
import { emailsTo } from '@/server/testing/onboarding';
import { placeOrder, readyToOrder } from '@/server/testing/orders';
import { lockOrder, moveOrder } from './transition';

const database = setupTestDatabase();

let organization: Organization;
let plant: Organization;
let list: PriceList;
let addressId: string;
let buyer: Member;
let product: Product;

beforeEach(async () => {
  organization = await createOrganization(database.db);
  plant = await createOrganization(database.db, { parent: organization });
  list = await givePriceList(database.db, organization);
  addressId = (await readyToOrder(database.db, organization)).address.id;
  buyer = await createMember(database.db, organization, {
    unit: plant,
    roles: ['buyer'],
    mayOrder: true,
    user: { name: 'Bea Buyer' },
  });
  product = await createProduct(database.db, { prices: [[list, 2_000]], onHand: 10 });
});

const callerOf = async (member: Member) => createCaller(await signIn(database.db, member.membership));

async function stockOf(item: Product) {
  const [row] = await database.db.select().from(inventory).where(eq(inventory.productId, item.id));
  return row;
}

async function release(order: Order) {
  await database.db.transaction(async (tx) => {
    const locked = await lockOrder(tx, order.id);
    await moveOrder(
      tx,
      locked,
      'release',
      { now: new Date(), actorUserId: null, message: 'Released to the fulfillment center.' },
      { releasedAt: new Date() },
    );
  });
}

describe('cancelling an order', () => {
  it('lets the requester cancel before release: stock freed, reason recorded, requester emailed', async () => {
    const order = await placeOrder(database.db, buyer, { lines: [[product, 4]], addressId });
    expect(await stockOf(product)).toMatchObject({ allocated: 4 });
    const caller = await callerOf(buyer);

    const canceled = await caller.orders.cancel({ number: order.number, reason: '  Ordered twice by mistake ' });
    expect(canceled).toEqual({ number: order.number, status: 'canceled', statusLabel: 'Canceled' });
    expect(await stockOf(product)).toMatchObject({ onHand: 10, allocated: 0 });
    const page = await caller.orders.get({ number: order.number });
    expect(page).toMatchObject({ status: 'canceled', statusLabel: 'Canceled', may: { cancel: false, reorder: true } });
    expect(page.timeline.at(-1)).toMatchObject({
      message: 'Canceled by Bea Buyer: Ordered twice by mistake',
      actorName: 'Bea Buyer',
      statusLabel: 'Canceled',
    });
    const [email] = await emailsTo(database.db, buyer.user.email, 'order-canceled');
    expect(email?.props).toMatchObject({
      orderNumber: order.number,
      canceledBy: 'Bea Buyer',
      reason: 'Ordered twice by mistake',
    });
  });

  it('refuses after release with a clear message, and changes nothing', async () => {
    const order = await placeOrder(database.db, buyer, { lines: [[product, 1]], addressId });
    await release(order);
    const refused = await trpcErrorOf((await callerOf(buyer)).orders.cancel({ number: order.number }));
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      message: 'You cannot cancel an order that is released to fulfillment.',
    });
    const [row] = await database.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row).toMatchObject({ status: 'released', canceledAt: null });
    expect(await stockOf(product)).toMatchObject({ allocated: 1 });
    expect(await emailsTo(database.db, buyer.user.email, 'order-canceled')).toEqual([]);
  });

  it('lets an authorizer over the unit cancel; the requester is emailed who did it', async () => {
    const authorizer = await createMember(database.db, organization, {
      unit: plant,
      roles: ['authorizer'],
      mayAuthorizeOrders: true,
      user: { name: 'Ada Authorizer' },
    });
    const order = await placeOrder(database.db, buyer, { lines: [[product, 2]], addressId });
    await (await callerOf(authorizer)).orders.cancel({ number: order.number });
    const [email] = await emailsTo(database.db, buyer.user.email, 'order-canceled');
    expect(email?.props).toMatchObject({ orderNumber: order.number, canceledBy: 'Ada Authorizer' });
    expect(email?.props).not.toHaveProperty('reason');
  });

  it('refuses a colleague who can see the order but did not place it, and hides it from one who cannot', async () => {
    const order = await placeOrder(database.db, buyer, { lines: [[product, 1]], addressId });
    const viewerOfOrganization = await createMember(database.db, organization, {
      roles: ['buyer', 'viewer'],
      mayOrder: true,
    });
    const refused = await trpcErrorOf((await callerOf(viewerOfOrganization)).orders.cancel({ number: order.number }));
    // The viewer role reaches the member's own unit (the organization root) and everything below it.
    expect(refused).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only the person who placed this order or an authorizer over it can cancel it.',
    });

    const otherBuyer = await createMember(database.db, organization, { roles: ['buyer'], mayOrder: true });
    const hidden = await trpcErrorOf((await callerOf(otherBuyer)).orders.cancel({ number: order.number }));
    expect(hidden).toMatchObject({ code: 'NOT_FOUND', message: 'That order was not found.' });

    const viewerOnly = await createMember(database.db, organization, { roles: ['viewer'] });
    const noPermission = await trpcErrorOf((await callerOf(viewerOnly)).orders.cancel({ number: order.number }));
    expect(noPermission).toMatchObject({ code: 'FORBIDDEN', message: 'You do not have permission to do this.' });
    const [row] = await database.db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id));
    expect(row?.status).toBe('payment_authorized');
  });

  it('cancels once when the requester double-clicks: the second sees it is already canceled', async () => {
    const order = await placeOrder(database.db, buyer, { lines: [[product, 3]], addressId });
    const caller = await callerOf(buyer);
    // Both clicks queue behind the order's lock, so they really run at the same time.
    const outcomes = await raceBehindLock(database.db, (blocker) => lockOrder(blocker, order.id), [
      () => caller.orders.cancel({ number: order.number }),
      () => caller.orders.cancel({ number: order.number }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(rejected?.reason).toMatchObject({
      code: 'CONFLICT',
      message: 'You cannot cancel an order that is canceled.',
    });
    expect(await stockOf(product)).toMatchObject({ allocated: 0 });
    expect(await database.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id))).toHaveLength(3);
  });
});

describe('reordering', () => {
  it('adds the products still sold to the cart and reports the ones left out', async () => {
    const withdrawn = await createProduct(database.db, { prices: [[list, 500]], onHand: 10 });
    const nearlyFull = await createProduct(database.db, { prices: [[list, 100]], onHand: 10 });
    const order = await placeOrder(database.db, buyer, {
      lines: [
        [product, 2],
        [withdrawn, 1],
        [nearlyFull, 3],
      ],
      addressId,
    });
    await database.db.update(products).set({ active: false }).where(eq(products.id, withdrawn.id));
    const caller = await callerOf(buyer);
    await caller.cart.add({ sku: product.sku, quantity: 1 });
    await caller.cart.add({ sku: nearlyFull.sku, quantity: MAX_LINE_QUANTITY - 1 });

    const result = await caller.orders.reorder({ number: order.number });
    expect(result).toEqual({
      number: order.number,
      added: 1,
      leftOut: [
        { sku: withdrawn.sku, name: withdrawn.name, quantity: 1, reason: 'This product is no longer sold.' },
        {
          sku: nearlyFull.sku,
          name: nearlyFull.name,
          quantity: 3,
          reason: `A cart line holds at most ${MAX_LINE_QUANTITY}; this one would have ${MAX_LINE_QUANTITY + 2}.`,
        },
      ],
    });
    const cart = await caller.cart.get();
    expect(cart.lines.map((line) => [line.sku, line.quantity])).toEqual([
      [product.sku, 3],
      [nearlyFull.sku, MAX_LINE_QUANTITY - 1],
    ]);
  });

  it('reorders a colleague’s order the member can see, into the member’s own cart; others get NOT_FOUND', async () => {
    const order = await placeOrder(database.db, buyer, { lines: [[product, 2]], addressId });
    const authorizerWhoOrders = await createMember(database.db, organization, {
      unit: plant,
      roles: ['authorizer', 'buyer'],
      mayOrder: true,
      mayAuthorizeOrders: true,
    });
    await (await callerOf(authorizerWhoOrders)).orders.reorder({ number: order.number });
    expect(
      await database.db.select().from(cartLines).where(eq(cartLines.membershipId, authorizerWhoOrders.membership.id)),
    ).toMatchObject([{ productId: product.id, quantity: 2 }]);
    expect(await database.db.select().from(cartLines).where(eq(cartLines.membershipId, buyer.membership.id))).toEqual(
      [],
    );

    const stranger = await createMember(database.db, await createOrganization(database.db), {
      roles: ['buyer'],
      mayOrder: true,
    });
    const refused = await trpcErrorOf((await callerOf(stranger)).orders.reorder({ number: order.number }));
    expect(refused).toMatchObject({ code: 'NOT_FOUND', message: 'That order was not found.' });
  });
});
