import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { inventory, orders, type Order, type Product } from '@/db/schema';
import { createProduct } from '@/server/testing/catalog';
import { setupTestDatabase } from '@/server/testing/database';
import { emailsTo } from '@/server/testing/onboarding';
import { placeOrder } from '@/server/testing/orders';
import { eventKinds, orderingOrganization, reload, type OrderingOrganization } from '@/server/testing/staff-orders';
import { processBackordersJob } from './process-backorders';

const database = setupTestDatabase();
let buyer: OrderingOrganization;

beforeAll(async () => {
  buyer = await orderingOrganization(database.db);
});

/** A product with an empty shelf: every order of it is backordered until stock arrives. */
const outOfStock = () => createProduct(database.db, { prices: [[buyer.list, 500]], onHand: 0 });

/** A backordered order, submitted at the given minute of the day (the job's first-come order). */
async function backorder(product: Product, quantity: number, minute: number): Promise<Order> {
  const order = await placeOrder(database.db, buyer.buyer, {
    lines: [[product, quantity]],
    addressId: buyer.addressId,
  });
  expect(order.status).toBe('backordered');
  const submittedAt = new Date(Date.UTC(2026, 10, 23, 8, minute));
  await database.db.update(orders).set({ submittedAt }).where(eq(orders.id, order.id));
  return { ...order, submittedAt };
}

async function receive(product: Product, onHand: number) {
  await database.db.update(inventory).set({ onHand }).where(eq(inventory.productId, product.id));
}

async function stockOf(product: Product) {
  const [row] = await database.db.select().from(inventory).where(eq(inventory.productId, product.id));
  return row;
}

const run = () => processBackordersJob({ db: database.db, now: new Date() });

describe('the process-backorders job', () => {
  it('serves the oldest backorder first when the stock that arrives is not enough for both', async () => {
    const product = await outOfStock();
    // Submitted second but placed first: the submit time decides, not the insertion order.
    const newer = await backorder(product, 2, 30);
    const older = await backorder(product, 2, 10);
    await receive(product, 3);

    const counts = await run();
    expect(counts.allocated).toBeGreaterThanOrEqual(1);
    expect(await reload(database.db, older)).toMatchObject({
      status: 'payment_authorized',
      paymentStatus: 'authorized',
    });
    expect((await reload(database.db, newer)).status).toBe('backordered');
    expect(await stockOf(product)).toMatchObject({ onHand: 3, allocated: 2 });
  });

  it('lets a later order that fits go ahead of an older one that still does not (the older keeps waiting)', async () => {
    const product = await outOfStock();
    const big = await backorder(product, 5, 1);
    const small = await backorder(product, 1, 2);
    await receive(product, 2);

    await run();
    expect((await reload(database.db, big)).status).toBe('backordered');
    expect((await reload(database.db, small)).status).toBe('payment_authorized');

    // When the rest arrives, the big one is served.
    await receive(product, 6);
    await run();
    expect((await reload(database.db, big)).status).toBe('payment_authorized');
    expect(await stockOf(product)).toMatchObject({ onHand: 6, allocated: 6 });
  });

  it('tells the buyer once when a backordered order is allocated, and not while it stays short', async () => {
    const product = await outOfStock();
    const served = await backorder(product, 1, 50);
    const short = await backorder(product, 4, 51);
    await receive(product, 1);

    await run();
    await run();
    // The buyer places the other tests' orders too: only these two orders count here.
    const about = async (order: Order) =>
      (await emailsTo(database.db, buyer.buyer.user.email, 'order-allocated'))
        .map((email) => email.props as { orderNumber: string })
        .filter((props) => props.orderNumber === order.number);
    expect(await about(served)).toEqual([
      expect.objectContaining({
        summary: expect.objectContaining({
          lines: [expect.objectContaining({ sku: product.sku, name: product.name, quantity: 1 })],
        }),
      }),
    ]);
    expect(await about(short)).toEqual([]);
  });

  it('changes nothing on a second run: allocated orders are not allocated again, short ones stay as they are', async () => {
    const product = await outOfStock();
    const served = await backorder(product, 1, 40);
    const waiting = await backorder(product, 4, 41);
    await receive(product, 1);

    await run();
    const second = await run();
    expect(second.allocated).toBe(0);
    expect(await eventKinds(database.db, served)).toEqual(expect.arrayContaining(['allocated']));
    expect((await eventKinds(database.db, served)).filter((kind) => kind === 'allocated')).toHaveLength(1);
    expect((await eventKinds(database.db, waiting)).filter((kind) => kind === 'allocated')).toHaveLength(0);
    expect(await stockOf(product)).toMatchObject({ allocated: 1 });
  });

  it('allocates each backorder once when two runs overlap', async () => {
    const product = await outOfStock();
    const waiting: Order[] = [];
    for (let minute = 50; minute < 56; minute++) waiting.push(await backorder(product, 2, minute));
    await receive(product, 100);

    const [a, b] = await Promise.all([run(), run()]);
    expect((a.allocated ?? 0) + (b.allocated ?? 0)).toBe(waiting.length);
    for (const order of waiting) {
      expect((await reload(database.db, order)).status).toBe('payment_authorized');
      expect((await eventKinds(database.db, order)).filter((kind) => kind === 'allocated')).toHaveLength(1);
    }
    expect(await stockOf(product)).toMatchObject({ onHand: 100, allocated: 12 });
  });
});
