import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { orderEvents, orders, paymentVoids, products, type Order } from '@/db/schema';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import { approvalTeam, type ApprovalTeam } from '@/server/testing/approval-team';
import { createCaller, createMember, signIn, type Member } from '@/server/testing/factories';
import { placeOrder, TEST_SHIPPING } from '@/server/testing/orders';
import {
  createTestPaymentProvider,
  usePaymentProvider,
  type PaymentProvider,
  type TestPaymentProvider,
} from '../payments/provider';

const database = setupTestDatabase();
const CARD = '4242424242424242';

/** A gate the test provider's authorizations wait on until the test opens it. */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { wait: () => opened, open };
}

async function until(condition: () => boolean) {
  for (let attempt = 0; attempt < 200 && !condition(); attempt++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error('the condition never came true');
}

let provider: TestPaymentProvider;
let held: ReturnType<typeof gate> | null;
let previous: PaymentProvider;
let t: ApprovalTeam;
let buyer: Member;
let colleague: Member;

beforeAll(() => {
  previous = usePaymentProvider(createTestPaymentProvider());
});
afterAll(() => {
  usePaymentProvider(previous);
});

beforeEach(async () => {
  held = null;
  provider = createTestPaymentProvider({ hold: () => held?.wait() ?? Promise.resolve() });
  usePaymentProvider(provider);
  t = await approvalTeam(database.db);
  buyer = await createMember(database.db, t.organization, { roles: ['buyer'], mayOrder: true });
  colleague = await createMember(database.db, t.organization, { roles: ['buyer'], mayOrder: true });
});

async function cartOf(member: Member, quantity: number) {
  const caller = createCaller(await signIn(database.db, member.membership));
  await caller.cart.add({ sku: t.product.sku, quantity });
  return caller;
}

const cardInput = () => ({
  idempotencyKey: randomUUID(),
  addressId: t.addressId,
  shippingMethodCode: TEST_SHIPPING.code,
  paymentMethod: 'card' as const,
  cardNumber: CARD,
});

const ordersOf = (member: Member) =>
  database.db.select().from(orders).where(eq(orders.membershipId, member.membership.id));

async function historyOf(order: Pick<Order, 'id'>) {
  const rows = await database.db
    .select({ kind: orderEvents.kind, message: orderEvents.message })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, order.id))
    .orderBy(orderEvents.at, orderEvents.id);
  return rows;
}

describe('the card is authorized outside the transaction and the lock', () => {
  it("lets another member of the organization submit while one member's card authorization is still pending", async () => {
    held = gate();
    const slow = await cartOf(buyer, 1);
    const slowSubmit = slow.checkout.submit(cardInput());
    await until(() => provider.pendingAuthorizations === 1);

    const other = await cartOf(colleague, 2);
    const quick = await other.checkout.submit({ ...cardInput(), paymentMethod: 'on_account', cardNumber: undefined });
    expect(quick).toMatchObject({ status: 'payment_authorized', alreadySubmitted: false });
    // The other submit finished while the first one's authorization had not answered yet.
    expect(provider.pendingAuthorizations).toBe(1);

    held.open();
    expect(await slowSubmit).toMatchObject({ status: 'payment_authorized', alreadySubmitted: false });
    const [order] = await ordersOf(buyer);
    expect(order).toMatchObject({ paymentStatus: 'authorized', cardLast4: '4242' });
    expect(order?.paymentReference).toMatch(/^test_auth_/);
  });

  it('gives a double-clicked card submit one authorization and one order, and voids nothing', async () => {
    held = gate();
    const caller = await cartOf(buyer, 1);
    const input = cardInput();
    const both = Promise.all([caller.checkout.submit(input), caller.checkout.submit(input)]);
    await until(() => provider.calls.authorize === 2);
    held.open();
    const [first, second] = await both;
    expect(first.number).toBe(second.number);
    expect([first.alreadySubmitted, second.alreadySubmitted].sort()).toEqual([false, true]);
    const placed = await ordersOf(buyer);
    expect(placed).toHaveLength(1);
    expect(provider.voided.size).toBe(0);

    // A retry after the answer was lost finds the order without asking the provider again.
    const calls = provider.calls.authorize;
    expect(await caller.checkout.submit(input)).toMatchObject({ number: first.number, alreadySubmitted: true });
    expect(provider.calls.authorize).toBe(calls);
  });

  it('voids the authorization when the order is refused after it (the product stopped being sold meanwhile)', async () => {
    held = gate();
    const caller = await cartOf(buyer, 1);
    const submit = trpcErrorOf(caller.checkout.submit(cardInput()));
    await until(() => provider.pendingAuthorizations === 1);
    await database.db.update(products).set({ active: false }).where(eq(products.id, t.product.id));
    held.open();
    const refused = await submit;
    expect(refused.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(await ordersOf(buyer)).toEqual([]);
    expect(provider.voided.size).toBe(1);
    const [queued] = await database.db
      .select()
      .from(paymentVoids)
      .where(eq(paymentVoids.reference, [...provider.voided][0] ?? ''));
    expect(queued?.doneAt).toBeInstanceOf(Date);
    await database.db.update(products).set({ active: true }).where(eq(products.id, t.product.id));
  });
});

describe('cancelling a decision voids the card authorization (issue 13)', () => {
  it('voids it with the provider, writes it in the history, and authorizes the card again on the next approval', async () => {
    const placed = await placeOrder(database.db, t.requester, {
      lines: [[t.product, 20]],
      addressId: t.addressId,
      paymentMethod: 'card',
      cardNumber: CARD,
    });
    expect(placed).toMatchObject({ status: 'pending_approval' });
    const first = placed.paymentReference ?? '';
    expect(first).toMatch(/^test_auth_/);
    const ann = createCaller(await signIn(database.db, t.a.membership));
    await ann.authorizations.approve({ number: placed.number });

    const reversed = await ann.authorizations.cancelDecision({ number: placed.number });
    expect(reversed.status).toBe('pending_approval');
    expect(provider.voided.has(first)).toBe(true);
    const [after] = await database.db.select().from(orders).where(eq(orders.id, placed.id));
    expect(after).toMatchObject({ status: 'pending_approval', paymentStatus: 'voided' });
    const history = await historyOf(placed);
    expect(history).toContainEqual({
      kind: 'card_voided',
      message: expect.stringContaining('Card authorization voided'),
    });
    const [queued] = await database.db
      .select()
      .from(paymentVoids)
      .where(and(eq(paymentVoids.orderId, placed.id), eq(paymentVoids.reference, first)));
    expect(queued?.doneAt).toBeInstanceOf(Date);

    const ben = createCaller(await signIn(database.db, t.b.membership));
    expect(await ben.authorizations.approve({ number: placed.number })).toMatchObject({ status: 'payment_authorized' });
    const [approved] = await database.db.select().from(orders).where(eq(orders.id, placed.id));
    expect(approved).toMatchObject({ paymentStatus: 'authorized' });
    expect(approved?.paymentReference).toMatch(/^test_auth_/);
    expect(approved?.paymentReference).not.toBe(first);
    expect((await historyOf(placed)).map((event) => event.kind)).toContain('card_authorized_again');
  });

  it('keeps the card authorization when the reversed decision leaves the order waiting as it was', async () => {
    const placed = await placeOrder(database.db, t.requester, {
      lines: [[t.product, 60]],
      addressId: t.addressId,
      paymentMethod: 'card',
      cardNumber: CARD,
    });
    const ann = createCaller(await signIn(database.db, t.a.membership));
    await ann.authorizations.approve({ number: placed.number });
    await ann.authorizations.cancelDecision({ number: placed.number });
    expect(provider.voided.size).toBe(0);
    const [after] = await database.db.select().from(orders).where(eq(orders.id, placed.id));
    expect(after?.paymentReference).toBe(placed.paymentReference);
  });
});
