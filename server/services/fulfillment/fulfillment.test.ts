import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  inventory,
  orderAllocations,
  orderEvents,
  orderLines,
  orders,
  pickBatchOrders,
  type Order,
  type Organization,
  type PriceList,
  type Product,
} from '@/db/schema';
import { PERMISSION_REFUSED } from '@/server/trpc/init';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import {
  createCaller,
  createMember,
  createOrganization,
  signIn,
  unique,
  type Member,
} from '@/server/testing/factories';
import { createProduct, givePriceList } from '@/server/testing/catalog';
import { raceBehindLock } from '@/server/testing/locks';
import { emailsTo } from '@/server/testing/onboarding';
import { placeOrder, readyToOrder } from '@/server/testing/orders';
import { lockOrder, moveOrder } from '../orders/transition';

const database = setupTestDatabase();

type Buyer = { organization: Organization; member: Member; list: PriceList; addressId: string };
type Clerk = ReturnType<typeof createCaller>;

let buyer: Buyer;
let seller: Organization;
let clerk: Clerk;
let otherClerk: Clerk;

beforeAll(async () => {
  const organization = await createOrganization(database.db);
  const list = await givePriceList(database.db, organization);
  const { address } = await readyToOrder(database.db, organization);
  const member = await createMember(database.db, organization, {
    roles: ['buyer'],
    mayOrder: true,
    maySeePrices: true,
  });
  buyer = { organization, member, list, addressId: address.id };
  seller = await createOrganization(database.db, { kind: 'seller', name: `Seller ${unique()}` });
  clerk = createCaller(
    await signIn(database.db, (await createMember(database.db, seller, { roles: ['fulfillment_clerk'] })).membership),
  );
  otherClerk = createCaller(
    await signIn(database.db, (await createMember(database.db, seller, { roles: ['fulfillment_clerk'] })).membership),
  );
});

/** A product in stock at a new center of its own. */
async function stocked(onHand: number) {
  const product = await createProduct(database.db, { prices: [[buyer.list, 1_000]], onHand });
  const [row] = await database.db.select().from(inventory).where(eq(inventory.productId, product.id));
  if (!row) throw new Error('no stock row');
  return { product, centerId: row.fulfillmentCenterId };
}

/** Another product stocked at an existing center. */
async function stockedAt(centerId: string, onHand: number): Promise<Product> {
  const product = await createProduct(database.db, { prices: [[buyer.list, 500]] });
  await database.db.insert(inventory).values({ productId: product.id, fulfillmentCenterId: centerId, onHand });
  return product;
}

async function release(order: Order): Promise<Order> {
  const now = new Date();
  return database.db.transaction(async (tx) =>
    moveOrder(
      tx,
      await lockOrder(tx, order.id),
      'release',
      { now, actorUserId: null, message: 'Released to fulfillment.' },
      { releasedAt: now },
    ),
  );
}

async function releasedOrder(lines: [Product, number][]): Promise<Order> {
  const order = await placeOrder(database.db, buyer.member, {
    lines,
    addressId: buyer.addressId,
    poNumber: `PO-${unique()}`,
  });
  expect(order.status).toBe('payment_authorized');
  return release(order);
}

async function stockOf(productId: string, centerId: string) {
  const [row] = await database.db
    .select()
    .from(inventory)
    .where(and(eq(inventory.productId, productId), eq(inventory.fulfillmentCenterId, centerId)));
  return row;
}

async function orderRow(id: string) {
  const [row] = await database.db.select().from(orders).where(eq(orders.id, id));
  if (!row) throw new Error('order vanished');
  return row;
}

/** Packs every line of the order's part at the center in one package, from the packing slip alone; returns its id. */
async function packAll(order: Order, centerId: string) {
  const slip = await clerk.fulfillment.packingSlip({ orderNumber: order.number, centerId });
  const created = await clerk.fulfillment.createPackage({
    orderNumber: order.number,
    centerId,
    lines: slip.lines.map((line) => ({ orderLineId: line.orderLineId, quantity: line.quantity })),
  });
  return created.packageId;
}

describe('the queue and pick batches', () => {
  it('shows and batches only released orders of the chosen center; every other status is refused by number', async () => {
    const { product, centerId } = await stocked(100);
    const elsewhere = await stocked(100);
    const released = await releasedOrder([[product, 3]]);
    const releasedElsewhere = await releasedOrder([[elsewhere.product, 1]]);
    const notReleased: Order[] = [];
    for (const status of [
      'pending_approval',
      'declined',
      'payment_review',
      'backordered',
      'payment_authorized',
    ] as const) {
      const order = await placeOrder(database.db, buyer.member, { lines: [[product, 1]], addressId: buyer.addressId });
      await database.db.update(orders).set({ status }).where(eq(orders.id, order.id));
      notReleased.push({ ...order, status });
    }

    const centers = await clerk.fulfillment.centers();
    expect(centers.find((center) => center.id === centerId)).toMatchObject({ waitingOrders: 1, openBatches: 0 });
    expect(centers.find((center) => center.id === elsewhere.centerId)).toMatchObject({ waitingOrders: 1 });

    const queue = await clerk.fulfillment.queue({ centerId });
    expect(queue.total).toBe(1);
    expect(queue.rows).toEqual([
      expect.objectContaining({
        number: released.number,
        organizationName: buyer.organization.name,
        linesHere: 1,
        itemsHere: 3,
        shipToCity: 'Portland',
        alsoFromOtherCenters: false,
      }),
    ]);

    expect((await clerk.fulfillment.queue({ centerId, search: released.number.toLowerCase() })).rows).toHaveLength(1);
    expect((await clerk.fulfillment.queue({ centerId, search: buyer.organization.name.slice(0, 12) })).total).toBe(1);
    expect((await clerk.fulfillment.queue({ centerId, search: 'no such order %' })).rows).toEqual([]);

    for (const order of notReleased) {
      const refused = await trpcErrorOf(clerk.fulfillment.createPickBatch({ centerId, orderNumbers: [order.number] }));
      expect(refused.code).toBe('BAD_REQUEST');
      expect(refused.message).toMatch(new RegExp(`^Order ${order.number} is not released to fulfillment`));
    }
    const wrongCenter = await trpcErrorOf(
      clerk.fulfillment.createPickBatch({ centerId, orderNumbers: [releasedElsewhere.number] }),
    );
    expect(wrongCenter.message).toMatch(/has nothing to ship from/);

    const batch = await clerk.fulfillment.createPickBatch({ centerId });
    expect(batch.orderNumbers).toEqual([released.number]);
    expect((await clerk.fulfillment.queue({ centerId })).rows).toEqual([]);
    expect((await clerk.fulfillment.centers()).find((center) => center.id === centerId)).toMatchObject({
      waitingOrders: 0,
      openBatches: 1,
    });

    const again = await trpcErrorOf(clerk.fulfillment.createPickBatch({ centerId, orderNumbers: [released.number] }));
    expect(again).toMatchObject({
      code: 'CONFLICT',
      message: `Order ${released.number} is already in pick batch ${batch.number} at ${batch.center.code}.`,
    });
    const nothing = await trpcErrorOf(clerk.fulfillment.createPickBatch({ centerId }));
    expect(nothing).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `No released orders are waiting at ${batch.center.code}.`,
    });

    const detail = await clerk.fulfillment.batch({ number: batch.number });
    expect(detail.orders).toEqual([
      expect.objectContaining({
        number: released.number,
        progress: expect.objectContaining({ allocated: 3, packed: 0, shipped: 0, label: 'To pack' }),
      }),
    ]);
    expect((await clerk.fulfillment.batches({ centerId })).rows).toEqual([
      expect.objectContaining({ number: batch.number, orderCount: 1, open: true }),
    ]);
  });

  it('never puts one order in two batches when two clerks batch the same orders at once', async () => {
    const { product, centerId } = await stocked(100);
    const first = await releasedOrder([[product, 1]]);
    const second = await releasedOrder([[product, 2]]);
    const numbers = [first.number, second.number];
    // Both clerks queue behind the orders' locks, so they really batch at the same time.
    const outcomes = await raceBehindLock(
      database.db,
      async (blocker) => {
        for (const id of [first.id, second.id].sort()) await lockOrder(blocker, id);
      },
      [
        () => clerk.fulfillment.createPickBatch({ centerId, orderNumbers: numbers }),
        () => otherClerk.fulfillment.createPickBatch({ centerId, orderNumbers: numbers }),
      ],
    );
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const lost = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(`Order ${first.number} is already in pick batch`),
    });
    const rows = await database.db
      .select()
      .from(pickBatchOrders)
      .where(eq(pickBatchOrders.fulfillmentCenterId, centerId));
    expect(rows.map((row) => row.orderId).sort()).toEqual([first.id, second.id].sort());
    expect(new Set(rows.map((row) => row.pickBatchId)).size).toBe(1);
  });

  it('splits "batch all waiting" between two clerks at once without sharing an order', async () => {
    const { product, centerId } = await stocked(100);
    const placed = [];
    for (let index = 0; index < 4; index++) placed.push(await releasedOrder([[product, 1]]));
    const outcomes = await Promise.allSettled([
      clerk.fulfillment.createPickBatch({ centerId }),
      otherClerk.fulfillment.createPickBatch({ centerId }),
    ]);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected')
        expect(outcome.reason).toMatchObject({ code: expect.stringMatching(/PRECONDITION_FAILED|CONFLICT/) });
    }
    const rows = await database.db
      .select()
      .from(pickBatchOrders)
      .where(eq(pickBatchOrders.fulfillmentCenterId, centerId));
    expect(rows.map((row) => row.orderId).sort()).toEqual(placed.map((order) => order.id).sort());
  });
});

describe('pick ticket and packing slip', () => {
  it('aggregates the batch by SKU with the split per order, and prints the slip without a price', async () => {
    const { product, centerId } = await stocked(100);
    const second = await stockedAt(centerId, 100);
    const a = await releasedOrder([
      [product, 2],
      [second, 1],
    ]);
    const b = await releasedOrder([[product, 5]]);
    const batch = await clerk.fulfillment.createPickBatch({ centerId, orderNumbers: [b.number, a.number] });

    const ticket = await clerk.fulfillment.pickTicket({ batchNumber: batch.number });
    const [first, last] = [product, second].sort((x, y) => (x.sku < y.sku ? -1 : 1));
    expect(ticket.items.map((item) => item.sku)).toEqual([first?.sku, last?.sku]);
    expect(ticket.items.find((item) => item.sku === product.sku)).toEqual({
      sku: product.sku,
      name: product.name,
      unit: 'each',
      totalQuantity: 7,
      orders: [
        { orderNumber: a.number, quantity: 2 },
        { orderNumber: b.number, quantity: 5 },
      ],
    });
    expect(ticket).toMatchObject({
      totalUnits: 8,
      location: expect.stringContaining('Bin locations are not recorded'),
    });

    const slip = await clerk.fulfillment.packingSlip({ orderNumber: a.number.toLowerCase(), centerId });
    expect(slip).toMatchObject({
      number: a.number,
      poNumber: a.poNumber,
      shippingMethodName: 'Test ground',
      organizationName: buyer.organization.name,
      shipTo: expect.objectContaining({ city: 'Portland', addressLine1: '1 Dock Road' }),
      batchNumber: batch.number,
      lines: [
        expect.objectContaining({ sku: product.sku, quantity: 2 }),
        expect.objectContaining({ sku: second.sku, quantity: 1 }),
      ],
    });
    expect(JSON.stringify([slip, ticket])).not.toMatch(/price|Minor|total"/i);
    // Each line names the order line it packs, so a package can be made from the slip alone.
    const lineIds = await database.db
      .select({ id: orderLines.id, sku: orderLines.sku })
      .from(orderLines)
      .where(eq(orderLines.orderId, a.id));
    expect(slip.lines.map((line) => ({ id: line.orderLineId, sku: line.sku }))).toEqual(
      expect.arrayContaining(lineIds),
    );
    expect(slip.lines).toHaveLength(lineIds.length);

    const pending = await placeOrder(database.db, buyer.member, { lines: [[product, 1]], addressId: buyer.addressId });
    expect(await trpcErrorOf(clerk.fulfillment.packingSlip({ orderNumber: pending.number, centerId }))).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('not released'),
    });
    expect(await trpcErrorOf(clerk.fulfillment.pickTicket({ batchNumber: 999_999 }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Pick batch 999999 was not found.',
    });
  });
});

describe('packages', () => {
  it('packs at most what is allocated at the center less what is already packed, beside the line', async () => {
    const { product, centerId } = await stocked(50);
    const order = await releasedOrder([[product, 5]]);
    const [line] = await database.db.select().from(orderLines).where(eq(orderLines.orderId, order.id));
    if (!line) throw new Error('no line');
    const notBatched = await trpcErrorOf(
      clerk.fulfillment.createPackage({
        orderNumber: order.number,
        centerId,
        lines: [{ orderLineId: line.id, quantity: 1 }],
      }),
    );
    expect(notBatched).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('is not in a pick batch'),
    });
    await clerk.fulfillment.createPickBatch({ centerId, orderNumbers: [order.number] });

    const tooMany = await trpcErrorOf(
      clerk.fulfillment.createPackage({
        orderNumber: order.number,
        centerId,
        lines: [{ orderLineId: line.id, quantity: 6 }],
      }),
    );
    expect(tooMany.code).toBe('BAD_REQUEST');
    expect(tooMany.cause).toMatchObject({
      fieldErrors: {
        'lines.0.quantity': [`At most 5 of ${product.sku} can still be packed here (5 allocated, 0 already packed).`],
      },
    });
    const zero = await trpcErrorOf(
      clerk.fulfillment.createPackage({
        orderNumber: order.number,
        centerId,
        lines: [{ orderLineId: line.id, quantity: 0 }],
      }),
    );
    expect(zero.code).toBe('BAD_REQUEST');

    await clerk.fulfillment.createPackage({
      orderNumber: order.number,
      centerId,
      lines: [{ orderLineId: line.id, quantity: 3 }],
    });
    const overPacked = await trpcErrorOf(
      clerk.fulfillment.createPackage({
        orderNumber: order.number,
        centerId,
        lines: [{ orderLineId: line.id, quantity: 3 }],
      }),
    );
    expect(overPacked.cause).toMatchObject({
      fieldErrors: { 'lines.0.quantity': [expect.stringContaining('At most 2')] },
    });

    // Two clerks packing the rest at once: the order's lock lets only one of them.
    const racing = await Promise.allSettled([
      clerk.fulfillment.createPackage({
        orderNumber: order.number,
        centerId,
        lines: [{ orderLineId: line.id, quantity: 2 }],
      }),
      otherClerk.fulfillment.createPackage({
        orderNumber: order.number,
        centerId,
        lines: [{ orderLineId: line.id, quantity: 2 }],
      }),
    ]);
    expect(racing.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const batch = await clerk.fulfillment.batch({
      number: (await clerk.fulfillment.batches({ centerId })).rows[0]?.number ?? 0,
    });
    expect(batch.orders[0]?.lines[0]).toMatchObject({ allocated: 5, packed: 5, shipped: 0, toPack: 0 });
    expect(batch.orders[0]?.packages).toHaveLength(2);
  });
});

describe('confirming shipment', () => {
  it('ships a split order package by package: partial keeps it released, the last one ships it; stock and emails follow', async () => {
    const east = await stocked(10);
    const west = await stocked(5);
    // No center holds both products, so the order is split: the pens from the first, the pads from the second.
    const order = await releasedOrder([
      [east.product, 4],
      [west.product, 2],
    ]);
    const allocations = await database.db.select().from(orderAllocations).where(eq(orderAllocations.orderId, order.id));
    expect(allocations.map((row) => row.fulfillmentCenterId).sort()).toEqual([east.centerId, west.centerId].sort());
    expect(await stockOf(east.product.id, east.centerId)).toMatchObject({ onHand: 10, allocated: 4 });

    const eastBatch = await clerk.fulfillment.createPickBatch({
      centerId: east.centerId,
      orderNumbers: [order.number],
    });
    const westBatch = await clerk.fulfillment.createPickBatch({
      centerId: west.centerId,
      orderNumbers: [order.number],
    });
    const eastQueue = await clerk.fulfillment.packingSlip({ orderNumber: order.number, centerId: east.centerId });
    expect(eastQueue.lines).toEqual([expect.objectContaining({ sku: east.product.sku, quantity: 4 })]);
    expect(eastQueue.otherCenters).toHaveLength(1);

    const [pens] = await database.db
      .select()
      .from(orderLines)
      .where(and(eq(orderLines.orderId, order.id), eq(orderLines.productId, east.product.id)));
    if (!pens) throw new Error('no line');

    // One pen first: exactly one unit leaves on hand and allocated.
    const first = await clerk.fulfillment.createPackage({
      orderNumber: order.number,
      centerId: east.centerId,
      lines: [{ orderLineId: pens.id, quantity: 1 }],
    });
    const shippedFirst = await clerk.fulfillment.confirmShipment({
      packageId: first.packageId,
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
    });
    expect(shippedFirst).toMatchObject({ complete: false, orderStatus: 'released' });
    expect(await stockOf(east.product.id, east.centerId)).toMatchObject({ onHand: 9, allocated: 3 });
    expect(await orderRow(order.id)).toMatchObject({ status: 'released', shippedAt: null });
    const [partialEmail] = await emailsTo(database.db, buyer.member.user.email, 'order-shipped');
    expect(partialEmail?.props).toMatchObject({
      orderNumber: order.number,
      complete: false,
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
      lines: [{ sku: east.product.sku, name: east.product.name, quantity: 1 }],
    });
    expect(partialEmail?.props).not.toHaveProperty('total');
    const [event] = await database.db
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.kind, 'package_shipped')));
    expect(event?.message).toBe('Package shipped with UPS, tracking 1Z999AA10123456784.');

    const twice = await trpcErrorOf(
      clerk.fulfillment.confirmShipment({ packageId: first.packageId, carrier: 'FedEx', trackingNumber: 'other' }),
    );
    expect(twice).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^This package was already shipped with UPS, tracking 1Z999AA10123456784/),
    });
    expect(await stockOf(east.product.id, east.centerId)).toMatchObject({ onHand: 9, allocated: 3 });

    const restOfEast = await packAllLeft(order, east.centerId);
    await clerk.fulfillment.confirmShipment({ packageId: restOfEast, carrier: 'UPS', trackingNumber: '1Z-EAST-2' });
    expect(await stockOf(east.product.id, east.centerId)).toMatchObject({ onHand: 6, allocated: 0 });
    expect(await orderRow(order.id)).toMatchObject({ status: 'released' });
    const eastDetail = await clerk.fulfillment.batch({ number: eastBatch.number });
    expect(eastDetail.orders[0]?.progress).toMatchObject({ allocated: 4, packed: 4, shipped: 4, label: 'Shipped' });
    expect((await clerk.fulfillment.batches({ centerId: east.centerId })).rows[0]).toMatchObject({
      number: eastBatch.number,
      open: false,
    });

    // The last package, confirmed by two clerks at once: one confirms, the other hears it shipped.
    const westPackage = await packAll(order, west.centerId);
    const racing = await Promise.allSettled([
      clerk.fulfillment.confirmShipment({ packageId: westPackage, carrier: 'DHL', trackingNumber: 'JD0140001' }),
      otherClerk.fulfillment.confirmShipment({ packageId: westPackage, carrier: 'DHL', trackingNumber: 'JD0140001' }),
    ]);
    expect(racing.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const loser = racing.find((outcome) => outcome.status === 'rejected');
    expect(loser?.status === 'rejected' && loser.reason).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('already shipped'),
    });

    const shipped = await orderRow(order.id);
    expect(shipped).toMatchObject({ status: 'shipped', shippedAt: expect.any(Date) });
    expect(
      await database.db
        .select({ sku: orderLines.sku, quantity: orderLines.quantity, shippedQuantity: orderLines.shippedQuantity })
        .from(orderLines)
        .where(eq(orderLines.orderId, order.id)),
    ).toEqual(
      expect.arrayContaining([
        { sku: east.product.sku, quantity: 4, shippedQuantity: 4 },
        { sku: west.product.sku, quantity: 2, shippedQuantity: 2 },
      ]),
    );
    expect(await stockOf(west.product.id, west.centerId)).toMatchObject({ onHand: 3, allocated: 0 });
    const shippedEmails = await emailsTo(database.db, buyer.member.user.email, 'order-shipped');
    expect(shippedEmails.filter((email) => email.props.orderNumber === order.number)).toHaveLength(3);
    expect(shippedEmails.find((email) => email.props.complete === true)?.props).toMatchObject({
      orderNumber: order.number,
      carrier: 'DHL',
      trackingNumber: 'JD0140001',
      lines: [{ sku: west.product.sku, name: west.product.name, quantity: 2 }],
    });
    const [completed] = await database.db
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.kind, 'ship_complete')));
    expect(completed).toMatchObject({ fromStatus: 'released', toStatus: 'shipped' });
    expect((await clerk.fulfillment.batch({ number: westBatch.number })).orders[0]?.progress.label).toBe('Shipped');

    const afterwards = await trpcErrorOf(
      clerk.fulfillment.createPackage({
        orderNumber: order.number,
        centerId: west.centerId,
        lines: [{ orderLineId: pens.id, quantity: 1 }],
      }),
    );
    expect(afterwards).toMatchObject({
      code: 'CONFLICT',
      message: `Order ${order.number} is shipped: only orders released to fulfillment can be packed.`,
    });
    const centers = await clerk.fulfillment.centers();
    expect(centers.find((center) => center.id === west.centerId)).toMatchObject({ waitingOrders: 0, openBatches: 0 });
  });
});

describe('who may work fulfillment', () => {
  it('refuses a payment reviewer and a buyer', async () => {
    const reviewer = createCaller(
      await signIn(database.db, (await createMember(database.db, seller, { roles: ['payment_reviewer'] })).membership),
    );
    expect(await trpcErrorOf(reviewer.fulfillment.centers())).toMatchObject({
      code: 'FORBIDDEN',
      message: PERMISSION_REFUSED,
    });
    const buyerCaller = createCaller(await signIn(database.db, buyer.member.membership));
    expect(await trpcErrorOf(buyerCaller.fulfillment.centers())).toMatchObject({ code: 'FORBIDDEN' });
  });
});

/** Packs what is left to pack of the order at the center in one package. */
async function packAllLeft(order: Order, centerId: string) {
  const batches = await clerk.fulfillment.batches({ centerId });
  for (const row of batches.rows) {
    const detail = await clerk.fulfillment.batch({ number: row.number });
    const part = detail.orders.find((candidate) => candidate.number === order.number);
    if (!part) continue;
    const lines = part.lines
      .filter((line) => line.toPack > 0)
      .map((line) => ({ orderLineId: line.orderLineId, quantity: line.toPack }));
    return (await clerk.fulfillment.createPackage({ orderNumber: order.number, centerId, lines })).packageId;
  }
  throw new Error('the order is in no batch at that center');
}
