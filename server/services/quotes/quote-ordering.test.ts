import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { quotes, spendingLimitAuthorizers, spendingLimits, type Organization, type Product } from '@/db/schema';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import { createCaller, createMember, createOrganization, signIn, type Member } from '@/server/testing/factories';
import { createProduct, givePriceList } from '@/server/testing/catalog';
import { readyToOrder, requestQuoteFor, TEST_SHIPPING } from '@/server/testing/orders';

const database = setupTestDatabase();
const db = () => database.db;
const as = async (member: Member) => createCaller(await signIn(db(), member.membership));

let organization: Organization;
let buyer: Member;
let authorizer: Member;
let rep: Member;
let product: Product;
let addressId: string;

beforeEach(async () => {
  organization = await createOrganization(db());
  const list = await givePriceList(db(), organization);
  addressId = (await readyToOrder(db(), organization)).address.id;
  product = await createProduct(db(), { prices: [[list, 2_000]], onHand: 500 });
  buyer = await createMember(db(), organization, { roles: ['buyer'], mayOrder: true, hasLimitedBudget: true });
  authorizer = await createMember(db(), organization, {
    roles: ['authorizer'],
    mayAuthorizeOrders: true,
    user: { name: 'Avery Approver' },
  });
  // Orders over 100.00 USD (shipping included) need Avery.
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
  const seller = await createOrganization(db(), { kind: 'seller' });
  rep = await createMember(db(), seller, { roles: ['account_rep'] });
});

const price = async (number: string, unitPrice: string) =>
  (await as(rep)).staffQuotes.price({ number, lines: [{ lineNumber: 1, unitPrice }], validUntil: '2099-01-31' });

describe('ordering a quote: the approval preview, the order it became, the expired filter', () => {
  it('previews the approval at the quoted prices with the chosen shipping, before the order is placed', async () => {
    const { number } = await requestQuoteFor(db(), buyer, product, 10);
    const early = await trpcErrorOf(
      (await as(buyer)).quotes.approvalPreview({ number, shippingMethodCode: TEST_SHIPPING.code }),
    );
    expect(early).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('waiting for prices') });

    // 10 × 8.00 + 15.00 shipping = 95.00: under the limit.
    await price(number, '8.00');
    expect(await (await as(buyer)).quotes.approvalPreview({ number, shippingMethodCode: TEST_SHIPPING.code })).toEqual({
      steps: [],
      problem: null,
    });

    // Repriced at 9.00: 90.00 + 15.00 = 105.00, over the limit, though the contract price alone would not say so.
    await price(number, '9.00');
    const preview = await (await as(buyer)).quotes.approvalPreview({ number, shippingMethodCode: TEST_SHIPPING.code });
    expect(preview).toEqual({
      steps: [{ tier: 1, label: 'Spending limit over $100.00 per order', authorizers: ['Avery Approver'] }],
      problem: null,
    });

    const unknownShipping = await trpcErrorOf(
      (await as(buyer)).quotes.approvalPreview({ number, shippingMethodCode: 'NOPE' }),
    );
    expect(unknownShipping.cause).toMatchObject({
      fieldErrors: { shippingMethodCode: ['Choose one of the shipping methods offered.'] },
    });

    const ordered = await (
      await as(buyer)
    ).quotes.order({
      number,
      idempotencyKey: randomUUID(),
      addressId,
      shippingMethodCode: TEST_SHIPPING.code,
      paymentMethod: 'on_account',
    });
    expect(ordered.status).toBe('pending_approval');
    expect(await (await as(buyer)).quotes.get({ number })).toMatchObject({
      status: 'ordered',
      orderNumber: ordered.number,
    });
  });

  it('lists a priced quote past its date under "expired", not "priced", for the buyer and the desk', async () => {
    const fresh = await requestQuoteFor(db(), buyer, product);
    const stale = await requestQuoteFor(db(), buyer, product);
    await price(fresh.number, '15.00');
    await price(stale.number, '15.00');
    await db()
      .update(quotes)
      .set({ validUntil: new Date('2020-01-01') })
      .where(eq(quotes.number, stale.number));

    const mine = await as(buyer);
    expect((await mine.quotes.list({ status: 'priced' })).rows.map((row) => row.number)).toEqual([fresh.number]);
    expect((await mine.quotes.list({ status: 'expired' })).rows).toEqual([
      expect.objectContaining({ number: stale.number, status: 'expired', statusLabel: 'Expired' }),
    ]);
    expect((await mine.quotes.list({})).total).toBe(2);

    const desk = await as(rep);
    expect((await desk.staffQuotes.list({ status: 'priced' })).rows.map((row) => row.number)).toEqual([fresh.number]);
    expect((await desk.staffQuotes.list({ status: 'expired' })).rows.map((row) => row.number)).toEqual([stale.number]);
  });

  it('keeps the preview to the requester’s own quotes and to members who may order', async () => {
    const { number } = await requestQuoteFor(db(), buyer, product);
    await price(number, '1.00');
    const colleague = await createMember(db(), organization, { roles: ['buyer'], mayOrder: true });
    expect(
      (
        await trpcErrorOf(
          (await as(colleague)).quotes.approvalPreview({ number, shippingMethodCode: TEST_SHIPPING.code }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    const viewer = await createMember(db(), organization, { roles: ['buyer'], mayOrder: false });
    expect(
      (await trpcErrorOf((await as(viewer)).quotes.approvalPreview({ number, shippingMethodCode: TEST_SHIPPING.code })))
        .code,
    ).toBe('FORBIDDEN');
  });
});
