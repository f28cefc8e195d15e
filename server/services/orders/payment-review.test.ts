import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { inventory, orders, type Order, type Product } from '@/db/schema';
import { createProduct } from '@/server/testing/catalog';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import { createCaller, signIn, type Member } from '@/server/testing/factories';
import { raceBehindLock } from '@/server/testing/locks';
import { emailsTo } from '@/server/testing/onboarding';
import { placeOrder } from '@/server/testing/orders';
import { orderingOrganization, reload, staffMember, type OrderingOrganization } from '@/server/testing/staff-orders';
import { lockOrder } from './transition';

const database = setupTestDatabase();
const CARD_NEEDS_REVIEW = '4000000000009235';

let buyer: OrderingOrganization;
let product: Product;
let reviewer: Member;
let secondReviewer: Member;

beforeAll(async () => {
  buyer = await orderingOrganization(database.db);
  product = await createProduct(database.db, { prices: [[buyer.list, 4_000]], onHand: 1_000 });
  reviewer = await staffMember(database.db, 'payment_reviewer');
  secondReviewer = await staffMember(database.db, 'payment_reviewer');
});

const callerOf = async (member: Member) => createCaller(await signIn(database.db, member.membership));

async function inReview(options: { product?: Product; quantity?: number } = {}): Promise<Order> {
  const order = await placeOrder(database.db, buyer.buyer, {
    lines: [[options.product ?? product, options.quantity ?? 1]],
    addressId: buyer.addressId,
    paymentMethod: 'card',
    cardNumber: CARD_NEEDS_REVIEW,
    poNumber: `PO-${Math.random().toString(36).slice(2, 8)}`,
  });
  expect(order).toMatchObject({ status: 'payment_review', paymentStatus: 'review' });
  return order;
}

describe('the payment review queue', () => {
  it('lists orders under review oldest first, with organization, requester, amount, method and reason, paged', async () => {
    const later = await inReview();
    const earlier = await inReview();
    await database.db
      .update(orders)
      .set({ submittedAt: new Date('2026-11-01T09:00:00Z') })
      .where(eq(orders.id, earlier.id));
    const api = await callerOf(reviewer);

    const queue = await api.staffOrders.paymentQueue({});
    const numbers = queue.rows.map((row) => row.number);
    expect(numbers.indexOf(earlier.number)).toBeLessThan(numbers.indexOf(later.number));
    expect(queue.rows.find((row) => row.number === later.number)).toMatchObject({
      organizationName: buyer.organization.name,
      requesterName: buyer.buyer.user.name,
      requesterEmail: buyer.buyer.user.email,
      totalMinor: later.totalMinor,
      currency: 'USD',
      paymentMethod: 'card',
      cardLast4: '9235',
      reason: 'The card payment needs a manual review.',
    });
    expect(queue.total).toBeGreaterThanOrEqual(2);

    const first = await api.staffOrders.paymentQueue({ pageSize: 1 });
    expect(first).toMatchObject({ hasNext: true });
    expect(first.rows).toHaveLength(1);
    const second = await api.staffOrders.paymentQueue({ pageSize: 1, page: 2 });
    expect(second.rows[0]?.number).not.toBe(first.rows[0]?.number);
  });

  it('shows a bill-me order over the available credit with the credit line the reviewer weighs', async () => {
    const tight = await orderingOrganization(database.db, { creditLimitMinor: 10_000 });
    const item = await createProduct(database.db, { prices: [[tight.list, 20_000]], onHand: 10 });
    const order = await placeOrder(database.db, tight.buyer, { lines: [[item, 1]], addressId: tight.addressId });
    expect(order.status).toBe('payment_review');
    const queue = await (await callerOf(reviewer)).staffOrders.paymentQueue({ pageSize: 100 });
    expect(queue.rows.find((row) => row.number === order.number)).toMatchObject({
      paymentMethod: 'on_account',
      reason: 'The order is above the available credit of the account.',
      credit: { creditLimitMinor: 10_000, availableCreditMinor: 10_000 },
    });
  });
});

describe('deciding a payment under review', () => {
  it('approves: the order is confirmed from stock and the buyer is told the payment was accepted', async () => {
    const order = await inReview();
    const api = await callerOf(reviewer);
    expect(await api.staffOrders.approvePayment({ number: order.number })).toEqual({
      number: order.number,
      status: 'payment_authorized',
    });
    expect(await reload(database.db, order)).toMatchObject({
      status: 'payment_authorized',
      paymentStatus: 'authorized',
    });

    const [email] = await emailsTo(database.db, buyer.buyer.user.email, 'payment-reviewed');
    expect(email?.props).toMatchObject({ orderNumber: order.number, approved: true });
    const page = await api.staffOrders.get({ number: order.number });
    expect(page.history.map((event) => event.message)).toEqual(
      expect.arrayContaining([`Payment approved by ${reviewer.user.name}.`, 'All items allocated from stock.']),
    );
    expect(page.history.find((event) => event.kind === 'allocated')).toMatchObject({
      fromLabel: 'Payment under review',
      toLabel: 'Confirmed',
    });
  });

  it('approves an order whose stock ran out meanwhile: backordered, with the backordered email as well', async () => {
    const scarce = await createProduct(database.db, { prices: [[buyer.list, 1_000]], onHand: 5 });
    const order = await inReview({ product: scarce, quantity: 5 });
    await database.db.update(inventory).set({ onHand: 2 }).where(eq(inventory.productId, scarce.id));

    const result = await (await callerOf(reviewer)).staffOrders.approvePayment({ number: order.number });
    expect(result.status).toBe('backordered');
    expect(await reload(database.db, order)).toMatchObject({ status: 'backordered', paymentStatus: 'authorized' });
    const reviewed = await emailsTo(database.db, buyer.buyer.user.email, 'payment-reviewed');
    expect(reviewed.map((email) => email.props)).toContainEqual(
      expect.objectContaining({ orderNumber: order.number, approved: true }),
    );
    const [backordered] = await emailsTo(database.db, buyer.buyer.user.email, 'order-backordered');
    expect(backordered?.props).toMatchObject({
      orderNumber: order.number,
      shortLines: [expect.objectContaining({ sku: scarce.sku, quantity: 5 })],
    });
  });

  it('rejects with a reason: the order is canceled, the card authorization voided, and the buyer reads the reason', async () => {
    const order = await inReview();
    const api = await callerOf(reviewer);
    const missing = await trpcErrorOf(api.staffOrders.rejectPayment({ number: order.number, reason: '  ' }));
    expect(missing.cause).toMatchObject({
      issues: [expect.objectContaining({ path: ['reason'], message: 'Give the reason; the buyer will read it.' })],
    });
    const tooLong = await trpcErrorOf(api.staffOrders.rejectPayment({ number: order.number, reason: 'x'.repeat(501) }));
    expect(tooLong.code).toBe('BAD_REQUEST');

    const reason = 'The card holder name does not match the organization.';
    expect(await api.staffOrders.rejectPayment({ number: order.number, reason })).toEqual({
      number: order.number,
      status: 'canceled',
    });
    expect(await reload(database.db, order)).toMatchObject({
      status: 'canceled',
      paymentStatus: 'voided',
      canceledAt: expect.any(Date),
    });

    const reviewed = await emailsTo(database.db, buyer.buyer.user.email, 'payment-reviewed');
    expect(reviewed.map((email) => email.props)).toContainEqual(
      expect.objectContaining({ orderNumber: order.number, approved: false, reason }),
    );
    const canceledEmails = await emailsTo(database.db, buyer.buyer.user.email, 'order-canceled');
    expect(canceledEmails.filter((email) => email.props.orderNumber === order.number)).toEqual([]);
  });

  it('lets exactly one of two reviewers deciding at once win; the other hears who decided first', async () => {
    const order = await inReview();
    const [first, second] = [await callerOf(reviewer), await callerOf(secondReviewer)];
    // Both decisions queue behind the order's lock, so they really run at the same time.
    const outcomes = await raceBehindLock(database.db, (blocker) => lockOrder(blocker, order.id), [
      () => first.staffOrders.approvePayment({ number: order.number }),
      () => second.staffOrders.rejectPayment({ number: order.number, reason: 'Looks fraudulent.' }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const lost = outcomes.find((outcome) => outcome.status === 'rejected');
    const error = await trpcErrorOf(Promise.reject(lost?.reason));
    expect(error.code).toBe('CONFLICT');

    const after = await reload(database.db, order);
    const winner =
      after.status === 'canceled'
        ? { verb: 'rejected', name: secondReviewer.user.name }
        : { verb: 'approved', name: reviewer.user.name };
    expect(error.message).toMatch(
      new RegExp(
        `^The payment of order ${order.number} was already ${winner.verb} by ${winner.name} at [A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2} [AP]M UTC\\.`,
      ),
    );
    expect(
      await emailsTo(database.db, buyer.buyer.user.email, 'payment-reviewed').then((emails) =>
        emails.filter((email) => email.props.orderNumber === order.number),
      ),
    ).toHaveLength(1);
  });

  it('refuses to decide an order that never was under review, with the state machine’s reason', async () => {
    const confirmed = await placeOrder(database.db, buyer.buyer, { lines: [[product, 1]], addressId: buyer.addressId });
    const error = await trpcErrorOf(
      (await callerOf(reviewer)).staffOrders.approvePayment({ number: confirmed.number }),
    );
    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'You cannot approve the payment of an order that is confirmed.',
    });
  });

  it('refuses a fulfillment clerk and a buyer', async () => {
    const order = await inReview();
    const clerk = await staffMember(database.db, 'fulfillment_clerk');
    const refused = await trpcErrorOf((await callerOf(clerk)).staffOrders.approvePayment({ number: order.number }));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: 'You do not have permission to do this.' });
    const fromBuyer = await trpcErrorOf((await callerOf(buyer.buyer)).staffOrders.paymentQueue({}));
    expect(fromBuyer).toMatchObject({ code: 'FORBIDDEN', message: 'You do not have permission to do this.' });
    expect((await reload(database.db, order)).status).toBe('payment_review');
  });
});
