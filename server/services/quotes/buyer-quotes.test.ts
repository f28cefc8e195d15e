import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  cartLines,
  orders,
  quotes,
  spendingLimitAuthorizers,
  spendingLimits,
  type Organization,
  type Product,
} from '@/db/schema';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import { createCaller, createMember, createOrganization, signIn, type Member } from '@/server/testing/factories';
import { createProduct, givePriceList } from '@/server/testing/catalog';
import { emailsTo } from '@/server/testing/onboarding';
import { readyToOrder, requestQuoteFor, TEST_SHIPPING } from '@/server/testing/orders';

const database = setupTestDatabase();
const db = () => database.db;
const as = async (member: Member) => createCaller(await signIn(db(), member.membership));

let organization: Organization;
let buyer: Member;
let rep: Member;
let product: Product;
let addressId: string;

beforeEach(async () => {
  organization = await createOrganization(db());
  const list = await givePriceList(db(), organization);
  addressId = (await readyToOrder(db(), organization)).address.id;
  product = await createProduct(db(), { prices: [[list, 2_000]], onHand: 500 });
  buyer = await createMember(db(), organization, {
    roles: ['buyer'],
    mayOrder: true,
    hasLimitedBudget: true,
    user: { name: 'Quinn Quoter' },
  });
  const seller = await createOrganization(db(), { kind: 'seller' });
  rep = await createMember(db(), seller, { roles: ['account_rep'] });
});

const checkout = (number: string) => ({
  number,
  idempotencyKey: randomUUID(),
  addressId,
  shippingMethodCode: TEST_SHIPPING.code,
  paymentMethod: 'on_account' as const,
});

describe('quotes', () => {
  it('turns the cart into a request, the representative prices it, the buyer orders it at those prices', async () => {
    const { number } = await requestQuoteFor(db(), buyer, product, 10);
    expect(await db().select().from(cartLines).where(eq(cartLines.membershipId, buyer.membership.id))).toEqual([]);
    expect((await (await as(buyer)).quotes.get({ number })).status).toBe('requested');

    const desk = await as(rep);
    expect((await desk.staffQuotes.list({})).rows.map((row) => row.number)).toContain(number);
    const seen = await desk.staffQuotes.get({ number });
    expect(seen.lines[0]).toMatchObject({ quantity: 10, contractPriceMinor: 2_000 });
    const bad = await trpcErrorOf(
      desk.staffQuotes.price({ number, lines: [{ lineNumber: 1, unitPrice: 'twelve' }], validUntil: '2099-01-31' }),
    );
    expect(bad.cause).toMatchObject({ fieldErrors: { 'lines.1': [expect.stringContaining('like 12.50')] } });
    await desk.staffQuotes.price({
      number,
      lines: [{ lineNumber: 1, unitPrice: '15.00' }],
      validUntil: '2099-01-31',
      sellerNote: 'Volume price.',
    });
    const [answer] = await emailsTo(db(), buyer.user.email, 'quote-answered');
    expect(answer?.props).toMatchObject({ priced: true, total: '$150.00', note: 'Volume price.' });

    const ordered = await (await as(buyer)).quotes.order(checkout(number));
    const [order] = await db().select().from(orders).where(eq(orders.number, ordered.number));
    expect(order).toMatchObject({ subtotalMinor: 15_000, status: 'payment_authorized' });
    expect((await (await as(buyer)).quotes.get({ number })).status).toBe('ordered');
    const again = await trpcErrorOf((await as(buyer)).quotes.order(checkout(number)));
    expect(again).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('ordered') });
  });

  it('sends a quote’s order through approval like any other', async () => {
    const authorizer = await createMember(db(), organization, { roles: ['authorizer'], mayAuthorizeOrders: true });
    const [limit] = await db()
      .insert(spendingLimits)
      .values({
        organizationId: organization.id,
        membershipId: buyer.membership.id,
        limitMinor: 10_000,
        createdAt: new Date(),
      })
      .returning();
    await db()
      .insert(spendingLimitAuthorizers)
      .values({ limitId: limit?.id ?? '', membershipId: authorizer.membership.id });
    const { number } = await requestQuoteFor(db(), buyer, product, 10);
    await (
      await as(rep)
    ).staffQuotes.price({ number, lines: [{ lineNumber: 1, unitPrice: '15.00' }], validUntil: '2099-01-31' });
    const ordered = await (await as(buyer)).quotes.order(checkout(number));
    expect(ordered.status).toBe('pending_approval');
    await (await as(authorizer)).authorizations.approve({ number: ordered.number });
    const [order] = await db().select().from(orders).where(eq(orders.number, ordered.number));
    expect(order?.status).toBe('payment_authorized');
  });

  it('cannot be ordered before it is priced, after it expired, or after it was withdrawn', async () => {
    const { number } = await requestQuoteFor(db(), buyer, product);
    expect((await trpcErrorOf((await as(buyer)).quotes.order(checkout(number)))).message).toContain(
      'waiting for prices',
    );
    await (
      await as(rep)
    ).staffQuotes.price({ number, lines: [{ lineNumber: 1, unitPrice: '15.00' }], validUntil: '2099-01-31' });
    await db()
      .update(quotes)
      .set({ validUntil: new Date('2020-01-01') })
      .where(eq(quotes.number, number));
    expect((await (await as(buyer)).quotes.get({ number })).status).toBe('expired');
    expect((await trpcErrorOf((await as(buyer)).quotes.order(checkout(number)))).message).toContain('expired');

    const other = await requestQuoteFor(db(), buyer, product);
    await (await as(buyer)).quotes.withdraw({ number: other.number });
    expect(
      (
        await trpcErrorOf(
          (await as(rep)).staffQuotes.price({
            number: other.number,
            lines: [{ lineNumber: 1, unitPrice: '1' }],
            validUntil: '2099-01-31',
          }),
        )
      ).code,
    ).toBe('CONFLICT');
  });

  it('emails the reason of a rejection, and keeps prices away from a member who may not see them', async () => {
    const blind = await createMember(db(), organization, { roles: ['buyer'], mayOrder: true, maySeePrices: false });
    const { number } = await requestQuoteFor(db(), blind, product);
    await (
      await as(rep)
    ).staffQuotes.price({ number, lines: [{ lineNumber: 1, unitPrice: '15.00' }], validUntil: '2099-01-31' });
    const seen = await (await as(blind)).quotes.get({ number });
    expect(JSON.stringify(seen)).not.toMatch(/Minor/);
    const [email] = await emailsTo(db(), blind.user.email, 'quote-answered');
    expect(email?.props).not.toHaveProperty('total');

    const rejected = await requestQuoteFor(db(), buyer, product);
    await (await as(rep)).staffQuotes.reject({ number: rejected.number, reason: 'Discontinued next month.' });
    const [rejection] = await emailsTo(db(), buyer.user.email, 'quote-answered');
    expect(rejection?.props).toMatchObject({ priced: false, note: 'Discontinued next month.' });
  });

  it('refuses an empty cart, and another member’s quote', async () => {
    expect((await trpcErrorOf((await as(buyer)).quotes.request({}))).message).toContain('cart is empty');
    const { number } = await requestQuoteFor(db(), buyer, product);
    const colleague = await createMember(db(), organization, { roles: ['buyer'], mayOrder: true });
    expect((await trpcErrorOf((await as(colleague)).quotes.get({ number }))).code).toBe('NOT_FOUND');
  });
});
