import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { orderLines, orders, type Order, type Organization, type Product } from '@/db/schema';
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
import { createProduct, givePriceList } from '@/server/testing/catalog';
import { placeOrder, readyToOrder } from '@/server/testing/orders';
import { lockOrder, moveOrder } from './transition';

const database = setupTestDatabase();

/** Anything that smells of an amount: the keys and names a price would travel under. */
const PRICE_KEYS = /Minor"|"total"|"totals"|"price"|"subtotal"|discountBasisPoints/;

type Scene = {
  organization: Organization;
  plant: Organization;
  plantEast: Organization;
  office: Organization;
  product: Product;
  addressId: string;
  /** Buyers in the plant, below it (east), and at the head office. */
  plantBuyer: Member;
  eastBuyer: Member;
  officeBuyer: Member;
  plantAuthorizer: Member;
  manager: Member;
  orders: { plant: Order; east: Order; office: Order };
};

let scene: Scene;

async function buildScene(): Promise<Scene> {
  const db = database.db;
  const organization = await createOrganization(db);
  const plant = await createOrganization(db, { parent: organization, name: `Plant ${organization.id.slice(0, 6)}` });
  const plantEast = await createOrganization(db, { parent: plant });
  const office = await createOrganization(db, { parent: organization });
  const list = await givePriceList(db, organization);
  const { address } = await readyToOrder(db, organization);
  const product = await createProduct(db, { prices: [[list, 1_250]], onHand: 1_000 });
  const buyer = (unit: Organization, name: string) =>
    createMember(db, organization, { unit, roles: ['buyer'], mayOrder: true, user: { name } });
  const plantBuyer = await buyer(plant, 'Pat Plant');
  const eastBuyer = await buyer(plantEast, 'Erin East');
  const officeBuyer = await buyer(office, 'Olly Office');
  const plantAuthorizer = await createMember(db, organization, {
    unit: plant,
    roles: ['authorizer'],
    mayAuthorizeOrders: true,
  });
  const manager = await createMember(db, organization, ACCOUNT_MANAGER);
  const place = (member: Member, poNumber: string) =>
    placeOrder(db, member, { lines: [[product, 2]], addressId: address.id, poNumber });
  return {
    organization,
    plant,
    plantEast,
    office,
    product,
    addressId: address.id,
    plantBuyer,
    eastBuyer,
    officeBuyer,
    plantAuthorizer,
    manager,
    orders: {
      plant: await place(plantBuyer, 'PO-PLANT-1'),
      east: await place(eastBuyer, 'PO-EAST-1'),
      office: await place(officeBuyer, 'PO-OFFICE-1'),
    },
  };
}

beforeAll(async () => {
  scene = await buildScene();
});

const callerOf = async (member: Member) => createCaller(await signIn(database.db, member.membership));
const numbersOf = (page: { rows: { number: string }[] }) => page.rows.map((row) => row.number).sort();

describe('order history scope', () => {
  it('shows a buyer only their own orders, without a requester column', async () => {
    const page = await (await callerOf(scene.plantBuyer)).orders.list({});
    expect(page.scope).toBe('own');
    expect(numbersOf(page)).toEqual([scene.orders.plant.number]);
    expect(page.rows[0]).not.toHaveProperty('requesterName');
    expect(page.rows[0]).toMatchObject({
      statusLabel: 'Confirmed',
      poNumber: 'PO-PLANT-1',
      itemCount: 2,
      total: { amountMinor: 2 * 1_250 + 1_500, currency: 'USD' },
    });
  });

  it('shows an authorizer their unit and the units below it, with who ordered', async () => {
    const page = await (await callerOf(scene.plantAuthorizer)).orders.list({});
    expect(page.scope).toBe('unit');
    expect(numbersOf(page)).toEqual([scene.orders.plant.number, scene.orders.east.number].sort());
    expect(page.rows.map((row) => row.requesterName).sort()).toEqual(['Erin East', 'Pat Plant']);
  });

  it('shows the account manager the whole organization', async () => {
    const page = await (await callerOf(scene.manager)).orders.list({});
    expect(page.scope).toBe('org');
    expect(numbersOf(page)).toEqual(
      Object.values(scene.orders)
        .map((order) => order.number)
        .sort(),
    );
  });

  it('opens an order in reach and answers NOT_FOUND for one outside it or in another organization', async () => {
    const authorizer = await callerOf(scene.plantAuthorizer);
    await expect(authorizer.orders.get({ number: scene.orders.east.number })).resolves.toMatchObject({
      number: scene.orders.east.number,
      requester: { name: 'Erin East' },
    });
    const outside = await trpcErrorOf(authorizer.orders.get({ number: scene.orders.office.number }));
    expect(outside).toMatchObject({ code: 'NOT_FOUND', message: 'That order was not found.' });
    const colleague = await trpcErrorOf(
      (await callerOf(scene.plantBuyer)).orders.get({ number: scene.orders.east.number }),
    );
    expect(colleague.code).toBe('NOT_FOUND');

    const stranger = await createOrganization(database.db);
    const strangerManager = await createMember(database.db, stranger, ACCOUNT_MANAGER);
    const foreign = await trpcErrorOf(
      (await callerOf(strangerManager)).orders.get({ number: scene.orders.plant.number }),
    );
    expect(foreign).toMatchObject({ code: 'NOT_FOUND', message: 'That order was not found.' });
    expect((await (await callerOf(strangerManager)).orders.list({ search: scene.orders.plant.number })).rows).toEqual(
      [],
    );
  });

  it('refuses a member without orders.view', async () => {
    const noRole = await createMember(database.db, scene.organization, { roles: [] });
    const refused = await trpcErrorOf((await callerOf(noRole)).orders.list({}));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: 'You do not have permission to do this.' });
  });
});

describe('the order page', () => {
  it('shows lines, totals, ship-to, shipping, payment, PO and a timeline with who acted', async () => {
    const order = await (
      await callerOf(scene.plantBuyer)
    ).orders.get({ number: scene.orders.plant.number.toLowerCase() });
    expect(order).toMatchObject({
      number: scene.orders.plant.number,
      status: 'payment_authorized',
      statusLabel: 'Confirmed',
      poNumber: 'PO-PLANT-1',
      shipTo: { recipient: 'Receiving', city: 'Portland' },
      shippingMethod: { name: 'Test ground' },
      payment: { method: 'on_account', label: 'Bill me (on account)' },
      lines: [
        {
          lineNumber: 1,
          sku: scene.product.sku,
          quantity: 2,
          shippedQuantity: 0,
          unitPriceMinor: 1_250,
          lineTotalMinor: 2_500,
        },
      ],
      totals: { currency: 'USD', subtotalMinor: 2_500, shippingMinor: 1_500, totalMinor: 4_000 },
      shipments: [],
      may: { cancel: true, reorder: true },
    });
    expect(order.timeline.map((event) => [event.message, event.actorName])).toEqual([
      ['Order submitted.', 'Pat Plant'],
      ['All items allocated from stock.', 'Countersign'],
    ]);
  });

  it('tells a viewer who may only look that they may neither cancel nor reorder', async () => {
    const viewer = await createMember(database.db, scene.organization, { unit: scene.plant, roles: ['viewer'] });
    const order = await (await callerOf(viewer)).orders.get({ number: scene.orders.east.number });
    expect(order.may).toEqual({ cancel: false, reorder: false });
  });
});

describe('search, filter and paging', () => {
  let buyer: Member;
  let placed: Order[];

  beforeAll(async () => {
    buyer = await createMember(database.db, scene.organization, {
      unit: scene.office,
      roles: ['buyer'],
      mayOrder: true,
    });
    placed = [];
    for (let index = 1; index <= 7; index++) {
      placed.push(
        await placeOrder(database.db, buyer, {
          lines: [[scene.product, index]],
          addressId: scene.addressId,
          poNumber: `PAGE-${index}`,
        }),
      );
    }
  });

  it('pages newest first through older and newer cursors, never repeating or skipping an order', async () => {
    const caller = await callerOf(buyer);
    const expected = (
      await database.db
        .select({ number: orders.number })
        .from(orders)
        .where(eq(orders.membershipId, buyer.membership.id))
        .orderBy(desc(orders.submittedAt), desc(orders.id))
    ).map((row) => row.number);
    const first = await caller.orders.list({ pageSize: 3 });
    expect(first.newerCursor).toBeNull();
    const second = await caller.orders.list({ pageSize: 3, cursor: first.olderCursor ?? undefined });
    const third = await caller.orders.list({ pageSize: 3, cursor: second.olderCursor ?? undefined });
    expect([...first.rows, ...second.rows, ...third.rows].map((row) => row.number)).toEqual(expected);
    expect(third.rows).toHaveLength(1);
    expect(third.olderCursor).toBeNull();

    const back = await caller.orders.list({ pageSize: 3, cursor: third.newerCursor ?? undefined, direction: 'newer' });
    expect(back.rows.map((row) => row.number)).toEqual(second.rows.map((row) => row.number));
    const top = await caller.orders.list({ pageSize: 3, cursor: back.newerCursor ?? undefined, direction: 'newer' });
    expect(top.rows.map((row) => row.number)).toEqual(first.rows.map((row) => row.number));
    expect(top.newerCursor).toBeNull();
  });

  it('finds an order by its number or its PO number', async () => {
    const caller = await callerOf(buyer);
    const target = placed[3];
    if (!target) throw new Error('no order');
    expect(numbersOf(await caller.orders.list({ search: target.number.slice(3) }))).toEqual([target.number]);
    expect(numbersOf(await caller.orders.list({ search: 'page-4' }))).toEqual([target.number]);
    expect((await caller.orders.list({ search: 'nothing-like-this' })).rows).toEqual([]);
  });

  it('filters by status, and shows released orders with shipped items as partially shipped', async () => {
    const [canceled, released] = placed;
    if (!canceled || !released) throw new Error('no orders');
    const caller = await callerOf(buyer);
    await caller.orders.cancel({ number: canceled.number });
    await database.db.transaction(async (tx) => {
      const locked = await lockOrder(tx, released.id);
      await moveOrder(
        tx,
        locked,
        'release',
        { now: new Date(), actorUserId: null, message: 'Released to the fulfillment center.' },
        { releasedAt: new Date() },
      );
    });
    expect(numbersOf(await caller.orders.list({ status: 'canceled' }))).toEqual([canceled.number]);
    expect((await caller.orders.list({ status: 'released' })).rows).toMatchObject([
      { number: released.number, statusLabel: 'Released to fulfillment' },
    ]);

    await database.db
      .update(orderLines)
      .set({ shippedQuantity: 1 })
      .where(and(eq(orderLines.orderId, released.id), eq(orderLines.lineNumber, 1)));
    expect((await caller.orders.list({ status: 'released' })).rows).toEqual([]);
    expect((await caller.orders.list({ status: 'partially_shipped' })).rows).toMatchObject([
      { number: released.number, statusLabel: 'Partially shipped' },
    ]);
    expect(await caller.orders.get({ number: released.number })).toMatchObject({
      status: 'partially_shipped',
      statusLabel: 'Partially shipped',
      may: { cancel: false },
    });
  });

  it('refuses a page larger than 50', async () => {
    const refused = await trpcErrorOf((await callerOf(buyer)).orders.list({ pageSize: 51 }));
    expect(refused.code).toBe('BAD_REQUEST');
  });
});

describe('a member who may not see prices', () => {
  it('gets no price key at all in the history or on the order page', async () => {
    const blind = await createMember(database.db, scene.organization, {
      unit: scene.office,
      roles: ['buyer'],
      mayOrder: true,
      maySeePrices: false,
    });
    const order = await placeOrder(database.db, blind, { lines: [[scene.product, 3]], addressId: scene.addressId });
    const caller = await callerOf(blind);
    const list = await caller.orders.list({});
    const detail = await caller.orders.get({ number: order.number });
    expect(list.rows).toHaveLength(1);
    expect(detail.lines).toHaveLength(1);
    expect(JSON.stringify(list)).not.toMatch(PRICE_KEYS);
    expect(JSON.stringify(detail)).not.toMatch(PRICE_KEYS);
  });
});
