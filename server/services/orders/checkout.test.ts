import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  cartLines,
  inventory,
  orderAllocations,
  orders,
  priceListPrices,
  type Organization,
  type PriceList,
  type Product,
} from '@/db/schema';
import { lockTenant } from '@/server/services/organizations/tenant-lock';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import { createCaller, createMember, createOrganization, signIn, type Member } from '@/server/testing/factories';
import { createProduct, givePriceList } from '@/server/testing/catalog';
import { raceBehindLock, valuesOf } from '@/server/testing/locks';
import { emailsTo } from '@/server/testing/onboarding';
import { placeOrder, readyToOrder, TEST_SHIPPING } from '@/server/testing/orders';
import { lockInventory } from './inventory';

const database = setupTestDatabase();

type Buyer = { organization: Organization; member: Member; list: PriceList; addressId: string };

async function buyerOrganization(options: { creditLimitMinor?: number; maySeePrices?: boolean } = {}): Promise<Buyer> {
  const organization = await createOrganization(database.db);
  const list = await givePriceList(database.db, organization);
  const { address } = await readyToOrder(database.db, organization, { creditLimitMinor: options.creditLimitMinor });
  const member = await createMember(database.db, organization, {
    roles: ['buyer'],
    mayOrder: true,
    maySeePrices: options.maySeePrices ?? true,
  });
  return { organization, member, list, addressId: address.id };
}

async function submitInput(buyer: Buyer, product: Product, quantity: number) {
  const caller = createCaller(await signIn(database.db, buyer.member.membership));
  await caller.cart.add({ sku: product.sku, quantity });
  return {
    caller,
    input: {
      idempotencyKey: randomUUID(),
      addressId: buyer.addressId,
      shippingMethodCode: TEST_SHIPPING.code,
      paymentMethod: 'on_account' as const,
    },
  };
}

async function stockOf(product: Product) {
  const [row] = await database.db.select().from(inventory).where(eq(inventory.productId, product.id));
  return row;
}

let buyer: Buyer;
let product: Product;

beforeEach(async () => {
  buyer = await buyerOrganization();
  product = await createProduct(database.db, { prices: [[buyer.list, 2_500]], onHand: 10 });
});

describe('submitting an order', () => {
  it('confirms an order within credit and in stock: totals, allocation, empty cart, email', async () => {
    const { caller, input } = await submitInput(buyer, product, 4);
    const submitted = await caller.checkout.submit({ ...input, poNumber: 'PO-4711' });
    expect(submitted).toMatchObject({
      number: expect.stringMatching(/^CS-\d+$/),
      status: 'payment_authorized',
      alreadySubmitted: false,
    });

    const [order] = await database.db.select().from(orders).where(eq(orders.number, submitted.number));
    expect(order).toMatchObject({
      subtotalMinor: 10_000,
      shippingMinor: TEST_SHIPPING.costMinor,
      totalMinor: 11_500,
      itemCount: 4,
      poNumber: 'PO-4711',
      paymentStatus: 'authorized',
    });
    expect(await stockOf(product)).toMatchObject({ onHand: 10, allocated: 4 });
    expect(
      await database.db.select().from(cartLines).where(eq(cartLines.membershipId, buyer.member.membership.id)),
    ).toEqual([]);
    const [email] = await emailsTo(database.db, buyer.member.user.email, 'order-received');
    expect(email?.props).toMatchObject({
      orderNumber: submitted.number,
      statusLabel: 'Confirmed',
      summary: expect.objectContaining({ poNumber: 'PO-4711', totals: expect.objectContaining({ total: '$115.00' }) }),
    });
  });

  it('creates one order for a double click: two concurrent submits with one key', async () => {
    const { caller, input } = await submitInput(buyer, product, 1);
    // Both submits queue behind the organization's lock, so they really run at the same time.
    const outcomes = await raceBehindLock(database.db, (blocker) => lockTenant(blocker, buyer.organization.id), [
      () => caller.checkout.submit(input),
      () => caller.checkout.submit(input),
    ]);
    const [first, second] = valuesOf(outcomes);
    if (!first || !second) throw new Error('both submits should answer');
    expect(first.number).toBe(second.number);
    expect([first.alreadySubmitted, second.alreadySubmitted].sort()).toEqual([false, true]);
    expect(
      await database.db.select().from(orders).where(eq(orders.membershipId, buyer.member.membership.id)),
    ).toHaveLength(1);
    expect(await stockOf(product)).toMatchObject({ allocated: 1 });
  });

  it('gives the last unit to exactly one of two buyers racing for it; the other is backordered', async () => {
    const last = await createProduct(database.db, { prices: [[buyer.list, 100]], onHand: 1 });
    const other = await buyerOrganization();
    await database.db
      .insert(priceListPrices)
      .values({ priceListId: other.list.id, productId: last.id, unitPriceMinor: 100 });
    const first = await submitInput(buyer, last, 1);
    const second = await submitInput(other, last, 1);
    // Both submits queue behind the last unit's stock row, so they really run at the same time.
    const outcomes = await raceBehindLock(database.db, (blocker) => lockInventory(blocker, [last.id]), [
      () => first.caller.checkout.submit(first.input),
      () => second.caller.checkout.submit(second.input),
    ]);
    const results = valuesOf(outcomes);
    expect(results.map((result) => result.status).sort()).toEqual(['backordered', 'payment_authorized']);
    expect(await stockOf(last)).toMatchObject({ onHand: 1, allocated: 1 });
    expect(
      await database.db
        .select()
        .from(orderAllocations)
        .innerJoin(orders, eq(orders.id, orderAllocations.orderId))
        .where(eq(orders.status, 'backordered')),
    ).toEqual([]);
  });

  it('sends a bill-me order above the available credit to payment review, counting earlier orders', async () => {
    const tight = await buyerOrganization({ creditLimitMinor: 20_000 });
    const item = await createProduct(database.db, { prices: [[tight.list, 5_000]], onHand: 100 });
    const first = await placeOrder(database.db, tight.member, { lines: [[item, 3]], addressId: tight.addressId });
    expect(first).toMatchObject({ status: 'payment_authorized', totalMinor: 16_500 });
    const second = await placeOrder(database.db, tight.member, { lines: [[item, 1]], addressId: tight.addressId });
    expect(second).toMatchObject({ status: 'payment_review', paymentStatus: 'review' });
    expect(await stockOf(item)).toMatchObject({ allocated: 3 });
  });

  it('follows the test card: authorized goes on, review waits for staff, declined stops at the card field with no order', async () => {
    const authorized = await placeOrder(database.db, buyer.member, {
      lines: [[product, 1]],
      addressId: buyer.addressId,
      paymentMethod: 'card',
      cardNumber: '4242 4242 4242 4242',
    });
    expect(authorized).toMatchObject({ status: 'payment_authorized', cardLast4: '4242', paymentStatus: 'authorized' });
    const review = await placeOrder(database.db, buyer.member, {
      lines: [[product, 1]],
      addressId: buyer.addressId,
      paymentMethod: 'card',
      cardNumber: '4000000000009235',
    });
    expect(review).toMatchObject({ status: 'payment_review', paymentStatus: 'review' });

    const { caller, input } = await submitInput(buyer, product, 1);
    const declined = await trpcErrorOf(
      caller.checkout.submit({ ...input, paymentMethod: 'card', cardNumber: '4000000000000002' }),
    );
    expect(declined.cause).toMatchObject({ fieldErrors: { cardNumber: [expect.stringContaining('declined')] } });
    const missing = await trpcErrorOf(caller.checkout.submit({ ...input, paymentMethod: 'card' }));
    expect(missing.code).toBe('BAD_REQUEST');
    expect((await caller.cart.get()).lines).toHaveLength(1);
    expect(
      await database.db.select().from(orders).where(eq(orders.membershipId, buyer.member.membership.id)),
    ).toHaveLength(2);
  });

  it("refuses another organization's address, an empty cart, and a payment method the account does not allow", async () => {
    const other = await buyerOrganization();
    const { caller, input } = await submitInput(buyer, product, 1);
    const foreign = await trpcErrorOf(caller.checkout.submit({ ...input, addressId: other.addressId }));
    expect(foreign.cause).toMatchObject({ fieldErrors: { addressId: [expect.any(String)] } });

    await readyToOrder(database.db, buyer.organization, { paymentMethods: ['on_account'] });
    const cod = await trpcErrorOf(caller.checkout.submit({ ...input, paymentMethod: 'cod' }));
    expect(cod.cause).toMatchObject({ fieldErrors: { paymentMethod: [expect.stringContaining('does not allow')] } });

    await caller.cart.clear();
    const empty = await trpcErrorOf(caller.checkout.submit(input));
    expect(empty).toMatchObject({ code: 'PRECONDITION_FAILED', message: 'Your cart is empty.' });
  });

  it('prices the order for a member who may not see prices, and shows that member no amount at checkout', async () => {
    const blind = await buyerOrganization({ maySeePrices: false });
    const item = await createProduct(database.db, { prices: [[blind.list, 700]], onHand: 5 });
    const caller = createCaller(await signIn(database.db, blind.member.membership));
    await caller.cart.add({ sku: item.sku, quantity: 2 });
    const options = await caller.checkout.options();
    expect(JSON.stringify(options)).not.toMatch(/Minor|"cost"|"price"|credit/);
    expect(options.shippingMethods[0]).toMatchObject({ code: TEST_SHIPPING.code });
    const order = await placeOrder(database.db, blind.member, { lines: [[item, 2]], addressId: blind.addressId });
    expect(order).toMatchObject({ subtotalMinor: 1_400, status: 'payment_authorized' });
    const [email] = await emailsTo(database.db, blind.member.user.email, 'order-received');
    expect(email?.props).not.toHaveProperty('summary.totals');
    expect(JSON.stringify(email?.props)).not.toContain('$');
  });

  it('refuses a member without "may order" before anything is written', async () => {
    const viewer = await createMember(database.db, buyer.organization, { roles: ['buyer'], mayOrder: false });
    const caller = createCaller(await signIn(database.db, viewer.membership));
    const refused = await trpcErrorOf(
      caller.checkout.submit({
        idempotencyKey: randomUUID(),
        addressId: buyer.addressId,
        shippingMethodCode: TEST_SHIPPING.code,
        paymentMethod: 'on_account',
      }),
    );
    expect(refused.code).toBe('FORBIDDEN');
    expect(
      await database.db
        .select()
        .from(orders)
        .where(and(eq(orders.membershipId, viewer.membership.id))),
    ).toEqual([]);
  });
});
