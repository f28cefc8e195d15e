import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { orderEvents, type Order } from '@/db/schema';
import type { OrderEvent } from '@/server/domain/orders/state-machine';
import { lockOrder, moveOrder } from '@/server/services/orders/transition';
import { createProduct } from '@/server/testing/catalog';
import { setupTestDatabase } from '@/server/testing/database';
import { placeOrder } from '@/server/testing/orders';
import { eventKinds, orderingOrganization, reload, type OrderingOrganization } from '@/server/testing/staff-orders';
import { releaseToFulfillmentJob } from './release-to-fulfillment';

const database = setupTestDatabase();
let buyer: OrderingOrganization;

beforeAll(async () => {
  buyer = await orderingOrganization(database.db, { creditLimitMinor: 50_000 });
});

async function moveThrough(order: Order, events: OrderEvent[]): Promise<Order> {
  return database.db.transaction(async (tx) => {
    let moved = await lockOrder(tx, order.id);
    for (const event of events)
      moved = await moveOrder(tx, moved, event, { now: new Date(), actorUserId: null, message: `Test: ${event}.` });
    return moved;
  });
}

async function confirmedOrder() {
  const product = await createProduct(database.db, { prices: [[buyer.list, 1_000]], onHand: 100 });
  return placeOrder(database.db, buyer.buyer, { lines: [[product, 1]], addressId: buyer.addressId });
}

describe('the release-to-fulfillment job', () => {
  it('releases confirmed orders with the time and the centers holding their stock, and nothing on a second run', async () => {
    const order = await confirmedOrder();
    expect(order.status).toBe('payment_authorized');
    const now = new Date('2026-11-23T10:05:00Z');

    const first = await releaseToFulfillmentJob({ db: database.db, now });
    expect(first.released).toBeGreaterThanOrEqual(1);
    expect(await reload(database.db, order)).toMatchObject({
      status: 'released',
      releasedAt: now,
      version: order.version + 1,
    });

    expect(await releaseToFulfillmentJob({ db: database.db, now })).toEqual({ released: 0 });
    const [event] = await database.db
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.kind, 'release')));
    expect(event).toMatchObject({
      fromStatus: 'payment_authorized',
      toStatus: 'released',
      actorUserId: null,
      message: expect.stringMatching(/^Released to fulfillment at C\w+\.$/),
    });
  });

  it('takes only confirmed orders: never those waiting for approval or payment review, backordered or declined', async () => {
    const product = await createProduct(database.db, { prices: [[buyer.list, 1_000]], onHand: 1 });
    const backordered = await placeOrder(database.db, buyer.buyer, {
      lines: [[product, 5]],
      addressId: buyer.addressId,
    });
    const review = await placeOrder(database.db, buyer.buyer, {
      lines: [[product, 1]],
      addressId: buyer.addressId,
      paymentMethod: 'card',
      cardNumber: '4000000000009235',
    });
    const overCredit = await placeOrder(database.db, buyer.buyer, {
      lines: [[product, 60]],
      addressId: buyer.addressId,
    });
    // Until the approvals issue routes orders there, an authorizer's reversed decision is the way into waiting and declined.
    const waiting = await moveThrough(await confirmedOrder(), ['cancel_decision']);
    const declined = await moveThrough(await confirmedOrder(), ['cancel_decision', 'decline']);
    const unreleased = [backordered, review, overCredit, waiting, declined];
    expect(unreleased.map((order) => order.status)).toEqual([
      'backordered',
      'payment_review',
      'payment_review',
      'pending_approval',
      'declined',
    ]);

    await releaseToFulfillmentJob({ db: database.db, now: new Date() });
    for (const order of unreleased) {
      expect((await reload(database.db, order)).status).toBe(order.status);
    }
  });

  it('releases each order exactly once when two runs overlap', async () => {
    const placed = [];
    for (let i = 0; i < 6; i++) placed.push(await confirmedOrder());
    const now = new Date();
    const [a, b] = await Promise.all([
      releaseToFulfillmentJob({ db: database.db, now }),
      releaseToFulfillmentJob({ db: database.db, now }),
    ]);
    expect((a.released ?? 0) + (b.released ?? 0)).toBe(placed.length);
    for (const order of placed) {
      expect((await reload(database.db, order)).status).toBe('released');
      expect((await eventKinds(database.db, order)).filter((kind) => kind === 'release')).toHaveLength(1);
    }
  });
});
