import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { orders, priceListPrices, type Order, type Product } from '@/db/schema';
import { balancePaymentsJob } from '@/server/jobs/balance-payments';
import { createProduct } from '@/server/testing/catalog';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import { createCaller, signIn, type Member } from '@/server/testing/factories';
import { emailsTo } from '@/server/testing/onboarding';
import { placeOrder } from '@/server/testing/orders';
import {
  orderingOrganization,
  reload,
  shipOrder,
  staffMember,
  type OrderingOrganization,
} from '@/server/testing/staff-orders';
import { openBalanceMinor } from './credit';

const database = setupTestDatabase();
let north: OrderingOrganization;
let south: OrderingOrganization;
let product: Product;
let admin: Member;
let reviewer: Member;

beforeAll(async () => {
  north = await orderingOrganization(database.db);
  south = await orderingOrganization(database.db);
  product = await createProduct(database.db, {
    prices: [
      [north.list, 1_250],
      [south.list, 1_300],
    ],
    onHand: 1_000,
  });
  admin = await staffMember(database.db, 'seller_admin');
  reviewer = await staffMember(database.db, 'payment_reviewer');
});

const callerOf = async (member: Member) => createCaller(await signIn(database.db, member.membership));

async function order(
  of: OrderingOrganization,
  options: { submittedAt?: string; poNumber?: string; paymentMethod?: Order['paymentMethod']; quantity?: number } = {},
): Promise<Order> {
  const placed = await placeOrder(database.db, of.buyer, {
    lines: [[product, options.quantity ?? 1]],
    addressId: of.addressId,
    paymentMethod: options.paymentMethod ?? 'on_account',
    ...(options.paymentMethod === 'card' ? { cardNumber: '4242424242424242' } : {}),
    ...(options.poNumber ? { poNumber: options.poNumber } : {}),
  });
  if (!options.submittedAt) return placed;
  const submittedAt = new Date(options.submittedAt);
  await database.db.update(orders).set({ submittedAt }).where(eq(orders.id, placed.id));
  return { ...placed, submittedAt };
}

describe('the staff order list', () => {
  it('shows every organization’s orders newest first, and filters by organization, status, dates and number or PO', async () => {
    const old = await order(north, { submittedAt: '2026-10-01T12:00:00Z', poNumber: 'PO-AUTUMN-1' });
    const recent = await order(north, { submittedAt: '2026-11-20T08:00:00Z', poNumber: 'PO-WINTER-2' });
    const other = await order(south, { submittedAt: '2026-11-21T08:00:00Z' });
    const api = await callerOf(reviewer);

    const all = (await api.staffOrders.list({ pageSize: 100 })).rows.map((row) => row.number);
    expect(all.indexOf(other.number)).toBeLessThan(all.indexOf(recent.number));
    expect(all.indexOf(recent.number)).toBeLessThan(all.indexOf(old.number));

    const northOnly = await api.staffOrders.list({ organizationId: north.organization.id });
    expect(northOnly.rows.map((row) => row.number)).toEqual(expect.arrayContaining([old.number, recent.number]));
    expect(northOnly.rows.every((row) => row.organizationName === north.organization.name)).toBe(true);
    expect(northOnly.rows[0]).toMatchObject({
      requesterName: north.buyer.user.name,
      paymentMethod: 'on_account',
      totalMinor: expect.any(Number),
      currency: 'USD',
    });

    const november = await api.staffOrders.list({
      organizationId: north.organization.id,
      from: '2026-11-01',
      to: '2026-11-20',
    });
    expect(november.rows.map((row) => row.number)).toEqual([recent.number]);
    const byDay = await api.staffOrders.list({ from: '2026-10-01', to: '2026-10-01' });
    expect(byDay.rows.map((row) => row.number)).toEqual([old.number]);

    expect((await api.staffOrders.list({ search: old.number.toLowerCase() })).rows.map((row) => row.number)).toEqual([
      old.number,
    ]);
    expect(
      (await api.staffOrders.list({ search: old.number.replace('CS-', '') })).rows.map((row) => row.number),
    ).toEqual([old.number]);
    expect((await api.staffOrders.list({ search: 'winter' })).rows.map((row) => row.number)).toEqual([recent.number]);

    const canceled = await order(south);
    await (await callerOf(admin)).staffOrders.cancel({ number: canceled.number, reason: 'Duplicate order.' });
    const onlyCanceled = await api.staffOrders.list({ status: 'canceled' });
    expect(onlyCanceled.rows.map((row) => row.number)).toContain(canceled.number);
    expect(onlyCanceled.rows.every((row) => row.status === 'canceled')).toBe(true);

    const options = await api.staffOrders.organizations();
    expect(options).toEqual(
      expect.arrayContaining([
        { id: north.organization.id, name: north.organization.name },
        { id: south.organization.id, name: south.organization.name },
      ]),
    );
  });

  it('pages: each page holds the next orders, and the pager knows when there are no more', async () => {
    const own = await orderingOrganization(database.db);
    await database.db
      .insert(priceListPrices)
      .values({ priceListId: own.list.id, productId: product.id, unitPriceMinor: 990 });
    const placed = [];
    for (let day = 1; day <= 5; day++) placed.push(await order(own, { submittedAt: `2026-11-0${day}T10:00:00Z` }));
    const api = await callerOf(reviewer);
    const page = (n: number) => api.staffOrders.list({ organizationId: own.organization.id, pageSize: 2, page: n });
    const [first, second, third] = [await page(1), await page(2), await page(3)];
    expect(first.rows.map((row) => row.number)).toEqual([placed[4]?.number, placed[3]?.number]);
    expect(second.rows.map((row) => row.number)).toEqual([placed[2]?.number, placed[1]?.number]);
    expect(third.rows.map((row) => row.number)).toEqual([placed[0]?.number]);
    expect([first.hasNext, second.hasNext, third.hasNext]).toEqual([true, true, false]);
  });

  it('refuses a filter that makes no sense with the field named', async () => {
    const api = await callerOf(reviewer);
    const backwards = await trpcErrorOf(api.staffOrders.list({ from: '2026-11-20', to: '2026-11-01' }));
    expect(backwards.cause).toMatchObject({
      issues: [expect.objectContaining({ path: ['to'], message: 'The last date comes on or after the first.' })],
    });
  });
});

describe('the staff order page', () => {
  it('shows lines with prices, allocations per center, payment, and the whole history with who and from → to', async () => {
    const placed = await order(north, { paymentMethod: 'card', quantity: 3, poNumber: 'PO-DETAIL' });
    const page = await (await callerOf(reviewer)).staffOrders.get({ number: placed.number });
    expect(page).toMatchObject({
      number: placed.number,
      status: 'payment_authorized',
      statusLabel: 'Confirmed',
      statusCode: 'C',
      poNumber: 'PO-DETAIL',
      organization: { id: north.organization.id, name: north.organization.name },
      requester: { name: north.buyer.user.name, email: north.buyer.user.email },
      payment: { method: 'card', cardLast4: '4242', status: 'authorized' },
      internal: { paymentReference: expect.stringMatching(/^test_auth_/), captureAttempts: 0, captureError: null },
      lines: [{ sku: product.sku, quantity: 3, unitPriceMinor: 1_250, lineTotalMinor: 3_750 }],
      totals: { subtotalMinor: 3_750, currency: 'USD' },
      allocations: [{ code: expect.any(String), lines: [{ sku: product.sku, quantity: 3 }] }],
      may: { cancel: false, markSettled: false, retryCapture: false, reviewPayment: false },
    });
    expect(page.history.map((event) => [event.kind, event.fromLabel, event.toLabel, event.actorName])).toEqual([
      ['submitted', null, null, north.buyer.user.name],
      ['allocated', 'Waiting for approval', 'Confirmed', 'Countersign'],
    ]);
  });

  it('answers NOT_FOUND for an unknown number', async () => {
    const error = await trpcErrorOf((await callerOf(reviewer)).staffOrders.get({ number: 'CS-1' }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'That order was not found.' });
  });
});

describe('staff actions on an order', () => {
  it('cancels before release with a reason the buyer reads; refuses after release and without a reason', async () => {
    const placed = await order(north, { quantity: 4 });
    const api = await callerOf(admin);
    expect((await api.staffOrders.get({ number: placed.number })).may.cancel).toBe(true);
    const noReason = await trpcErrorOf(api.staffOrders.cancel({ number: placed.number, reason: '' }));
    expect(noReason.code).toBe('BAD_REQUEST');

    expect(await api.staffOrders.cancel({ number: placed.number, reason: 'The customer called to cancel.' })).toEqual({
      number: placed.number,
      status: 'canceled',
    });
    const [email] = await emailsTo(database.db, north.buyer.user.email, 'order-canceled');
    expect(email?.props).toMatchObject({
      orderNumber: placed.number,
      canceledBy: admin.user.name,
      reason: 'The customer called to cancel.',
    });
    const history = (await api.staffOrders.get({ number: placed.number })).history;
    expect(history.at(-1)).toMatchObject({ kind: 'cancel', actorName: admin.user.name, toLabel: 'Canceled' });

    const released = await order(north);
    await shipOrder(database.db, released);
    const late = await trpcErrorOf(api.staffOrders.cancel({ number: released.number, reason: 'Too late.' }));
    expect(late).toMatchObject({ code: 'CONFLICT', message: 'You cannot cancel an order that is shipped.' });
  });

  it('records the customer’s payment of an invoiced bill-me order, once, and refuses other orders', async () => {
    const billMe = await order(north);
    const card = await order(north, { paymentMethod: 'card' });
    await shipOrder(database.db, billMe);
    await shipOrder(database.db, card);
    const api = await callerOf(admin);

    const early = await trpcErrorOf(api.staffOrders.markSettled({ number: billMe.number }));
    expect(early).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('It is invoiced once it has shipped and the balance-payments job has run'),
    });

    await balancePaymentsJob({ db: database.db, now: new Date() });
    const owedBefore = await openBalanceMinor(database.db, north.organization.id);
    expect((await api.staffOrders.get({ number: billMe.number })).may.markSettled).toBe(true);
    const settled = await api.staffOrders.markSettled({ number: billMe.number });
    expect(settled.settledAt).toBeInstanceOf(Date);
    expect(await openBalanceMinor(database.db, north.organization.id)).toBe(owedBefore - billMe.totalMinor);
    expect((await api.staffOrders.get({ number: billMe.number })).history.at(-1)).toMatchObject({
      kind: 'settled',
      actorName: admin.user.name,
    });

    const twice = await trpcErrorOf(api.staffOrders.markSettled({ number: billMe.number }));
    expect(twice).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already recorded') });
    const notBillMe = await trpcErrorOf(api.staffOrders.markSettled({ number: card.number }));
    expect(notBillMe).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Only bill-me orders') });
  });

  it('refuses a retry of a capture that did not fail', async () => {
    const placed = await order(north, { paymentMethod: 'card' });
    const error = await trpcErrorOf((await callerOf(admin)).staffOrders.retryCapture({ number: placed.number }));
    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'Only a shipped order whose card capture failed can be retried.',
    });
  });

  it('lets a payment reviewer see orders but not cancel them or record payments', async () => {
    const placed = await order(north);
    const api = await callerOf(reviewer);
    expect((await api.staffOrders.get({ number: placed.number })).may.cancel).toBe(false);
    for (const refused of [
      () => api.staffOrders.cancel({ number: placed.number, reason: 'No.' }),
      () => api.staffOrders.markSettled({ number: placed.number }),
    ]) {
      expect(await trpcErrorOf(refused())).toMatchObject({
        code: 'FORBIDDEN',
        message: 'You do not have permission to do this.',
      });
    }
    expect((await reload(database.db, placed)).status).toBe('payment_authorized');
  });
});
