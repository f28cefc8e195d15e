import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  cartLines,
  customerAccounts,
  organizationAddresses,
  orders,
  shippingMethods,
  type Order,
  type Organization,
  type Product,
} from '@/db/schema';
import type { PaymentMethod } from '@/server/domain/organizations/status';
import type { SubmitOrderInput } from '@/server/schemas/orders';
import { createCaller, signIn, unique, type Member } from './factories';

/** The shipping method every test order uses: ground, 15.00 USD. */
export const TEST_SHIPPING = { code: 'TEST-GROUND', costMinor: 1_500 };

/**
 * Makes an organization ready to order: the seller's terms (USD, a credit limit, payment methods)
 * and a ship-to address; the test shipping method exists once per database.
 */
export async function readyToOrder(
  db: Database,
  organization: Organization,
  options: { creditLimitMinor?: number; paymentMethods?: PaymentMethod[] } = {},
) {
  await db
    .insert(customerAccounts)
    .values({
      organizationId: organization.id,
      currency: 'USD',
      creditLimitMinor: options.creditLimitMinor ?? 100_000_000,
      paymentTerms: 'NET 30',
      paymentMethods: options.paymentMethods ?? ['on_account', 'cod', 'card'],
    })
    .onConflictDoUpdate({
      target: customerAccounts.organizationId,
      set: {
        creditLimitMinor: options.creditLimitMinor ?? 100_000_000,
        paymentMethods: options.paymentMethods ?? ['on_account', 'cod', 'card'],
      },
    });
  const [address] = await db
    .insert(organizationAddresses)
    .values({
      organizationId: organization.id,
      label: `Dock ${unique()}`,
      recipient: 'Receiving',
      addressLine1: '1 Dock Road',
      city: 'Portland',
      postalCode: '97201',
      country: 'US',
      isDefault: true,
    })
    .returning();
  await db
    .insert(shippingMethods)
    .values({ code: TEST_SHIPPING.code, name: 'Test ground', costMinor: TEST_SHIPPING.costMinor, currency: 'USD' })
    .onConflictDoNothing();
  if (!address) throw new Error('factory: address');
  return { address };
}

export type PlaceOrderOptions = { lines: [Product, number][]; addressId: string } & Partial<
  Omit<SubmitOrderInput, 'addressId'>
>;

/** Fills the member's cart and submits it through the real procedures; returns the order row. */
export async function placeOrder(db: Database, member: Member, options: PlaceOrderOptions): Promise<Order> {
  const caller = createCaller(await signIn(db, member.membership));
  await db.delete(cartLines).where(eq(cartLines.membershipId, member.membership.id));
  for (const [product, quantity] of options.lines) await caller.cart.add({ sku: product.sku, quantity });
  const { lines: _lines, ...input } = options;
  void _lines;
  const submitted = await caller.checkout.submit({
    idempotencyKey: randomUUID(),
    shippingMethodCode: TEST_SHIPPING.code,
    paymentMethod: 'on_account',
    ...input,
  });
  const [order] = await db.select().from(orders).where(eq(orders.number, submitted.number));
  if (!order) throw new Error('factory: the order was not found');
  return order;
}

/** Puts the product in the member's cart and asks for a quote on it. */
export async function requestQuoteFor(
  db: Database,
  member: Member,
  product: Product,
  quantity = 5,
): Promise<{ number: string }> {
  const caller = createCaller(await signIn(db, member.membership));
  await db.delete(cartLines).where(eq(cartLines.membershipId, member.membership.id));
  await caller.cart.add({ sku: product.sku, quantity });
  return caller.quotes.request({ note: `Quote for ${member.user.name}` });
}
