import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { orderEvents, type Order, type Product } from '@/db/schema';
import { openBalanceMinor } from '@/server/services/orders/credit';
import { createProduct } from '@/server/testing/catalog';
import { setupTestDatabase } from '@/server/testing/database';
import { createCaller, signIn } from '@/server/testing/factories';
import { placeOrder } from '@/server/testing/orders';
import {
  eventKinds,
  orderingOrganization,
  reload,
  shipOrder,
  staffMember,
  type OrderingOrganization,
} from '@/server/testing/staff-orders';
import { balancePaymentsJob } from './balance-payments';

const database = setupTestDatabase();
let buyer: OrderingOrganization;
let product: Product;

const CARD_OK = '4242424242424242';
const CARD_CAPTURE_FAILS = '4000000000000341';

beforeAll(async () => {
  buyer = await orderingOrganization(database.db);
  product = await createProduct(database.db, { prices: [[buyer.list, 2_000]], onHand: 1_000 });
});

async function shipped(paymentMethod: Order['paymentMethod'], cardNumber?: string): Promise<Order> {
  const order = await placeOrder(database.db, buyer.buyer, {
    lines: [[product, 1]],
    addressId: buyer.addressId,
    paymentMethod,
    ...(cardNumber ? { cardNumber } : {}),
  });
  expect(order.status).toBe('payment_authorized');
  return shipOrder(database.db, order);
}

const run = (now: Date) => balancePaymentsJob({ db: database.db, now });
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);

async function messagesOf(order: Order, kind: string) {
  const rows = await database.db
    .select({ message: orderEvents.message })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.kind, kind)));
  return rows.map((row) => row.message);
}

describe('the balance-payments job', () => {
  it('captures a card, invoices bill-me and records cash on delivery; each shipped order becomes paid (deposited)', async () => {
    const card = await shipped('card', CARD_OK);
    const billMe = await shipped('on_account');
    const cod = await shipped('cod');
    const now = new Date();

    const counts = await run(now);
    expect(counts).toMatchObject({
      captured: expect.any(Number),
      invoiced: expect.any(Number),
      collected: expect.any(Number),
      failed: 0,
    });
    for (const order of [card, billMe, cod]) {
      expect(await reload(database.db, order)).toMatchObject({
        status: 'deposited',
        paymentStatus: 'captured',
        depositedAt: now,
        captureError: null,
        captureNextAt: null,
      });
    }
    expect(await reload(database.db, card)).toMatchObject({ captureAttempts: 1 });
    expect(await messagesOf(card, 'deposit')).toEqual(['Card payment captured.']);
    expect(await messagesOf(billMe, 'deposit')).toEqual([
      'Invoiced on NET 30 terms; it counts in the open balance until the customer pays.',
    ]);
    expect(await messagesOf(cod, 'deposit')).toEqual(['Cash on delivery collected and recorded.']);
    // An invoiced bill-me order is still owed until staff record the customer's payment.
    expect(await openBalanceMinor(database.db, buyer.organization.id)).toBeGreaterThanOrEqual(billMe.totalMinor);
  });

  it('changes nothing on a second run', async () => {
    const order = await shipped('card', CARD_OK);
    const now = new Date();
    await run(now);
    expect(await run(now)).toEqual({ captured: 0, invoiced: 0, collected: 0, failed: 0 });
    expect((await eventKinds(database.db, order)).filter((kind) => kind === 'deposit')).toHaveLength(1);
  });

  it('keeps a failed capture shipped with the error, retries it only after its back-off, and staff find and retry it', async () => {
    const order = await shipped('card', CARD_CAPTURE_FAILS);
    const t0 = new Date();

    expect((await run(t0)).failed).toBe(1);
    const failed = await reload(database.db, order);
    expect(failed).toMatchObject({
      status: 'shipped',
      paymentStatus: 'capture_failed',
      captureAttempts: 1,
      captureNextAt: minutes(t0, 15),
    });
    expect(failed.captureError).toContain('refused the capture');
    expect(await messagesOf(order, 'capture_failed')).toEqual([
      expect.stringMatching(
        /^Card capture failed \(attempt 1\): The card issuer refused the capture .* Next try [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M UTC\.$/,
      ),
    ]);

    // Not again in the same run's time, nor before its next try …
    expect((await run(t0)).failed).toBe(0);
    expect((await run(minutes(t0, 10))).failed).toBe(0);
    expect((await reload(database.db, order)).captureAttempts).toBe(1);
    // … but once it is due: the second failure waits an hour.
    expect((await run(minutes(t0, 16))).failed).toBe(1);
    expect(await reload(database.db, order)).toMatchObject({
      status: 'shipped',
      captureAttempts: 2,
      captureNextAt: minutes(t0, 16 + 60),
    });

    // Staff see it under "capture failed" and on the order page, and can retry at once.
    const staff = await staffMember(database.db, 'seller_admin');
    const admin = createCaller(await signIn(database.db, staff.membership));
    const list = await admin.staffOrders.list({ captureFailed: true });
    expect(list.rows.map((row) => row.number)).toContain(order.number);
    expect(list.rows.every((row) => row.paymentStatus === 'capture_failed')).toBe(true);
    const page = await admin.staffOrders.get({ number: order.number });
    expect(page.internal).toMatchObject({ captureAttempts: 2, captureError: expect.stringContaining('refused') });
    expect(page.may.retryCapture).toBe(true);

    const retried = await admin.staffOrders.retryCapture({ number: order.number });
    expect(retried).toMatchObject({ captured: false, error: expect.stringContaining('refused'), status: 'shipped' });
    expect(await reload(database.db, order)).toMatchObject({ captureAttempts: 3, paymentStatus: 'capture_failed' });
    expect(await messagesOf(order, 'capture_failed')).toContainEqual(
      expect.stringContaining(`Card capture failed (retried by ${staff.user.name}) (attempt 3)`),
    );
  });

  it('captures each order once when two runs overlap', async () => {
    const orders = [
      await shipped('card', CARD_OK),
      await shipped('card', CARD_OK),
      await shipped('on_account'),
      await shipped('cod'),
      await shipped('card', CARD_CAPTURE_FAILS),
    ];
    const now = new Date();
    const [a, b] = await Promise.all([run(now), run(now)]);
    const total = (counts: typeof a) => Object.values(counts).reduce((sum, n) => sum + n, 0);
    expect(total(a) + total(b)).toBe(orders.length);
    for (const order of orders) {
      const kinds = (await eventKinds(database.db, order)).filter(
        (kind) => kind === 'deposit' || kind === 'capture_failed',
      );
      expect(kinds).toHaveLength(1);
    }
    expect((await reload(database.db, orders[4] as Order)).captureAttempts).toBe(1);
  });
});
