import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import {
  organizationAddresses,
  shippingMethods,
  users,
  memberships,
  cartLines,
  products,
  customerAccounts,
} from '../../../db/schema';
import type { Database } from '../../../db/client';
import { releaseToFulfillmentJob } from '@/server/jobs/release-to-fulfillment';
import { loadMembership, readableZone } from '@/server/services/identity/viewer';
import { submitOrder } from '@/server/services/orders/checkout';
import type { Actor } from '@/server/domain/access/actor';
import type { PaymentMethod } from '@/server/domain/organizations/status';
import { demoCatalog } from './catalog-demo';

type DemoOrder = {
  email: string;
  lines: [sku: string, quantity: number][];
  paymentMethod?: PaymentMethod;
  cardNumber?: string;
  poNumber?: string;
};

/** Demo products for orders: priced for both buyers and in stock, away from the ones e2e specs read. */
function orderableSkus(): string[] {
  return demoCatalog()
    .filter(
      (product) =>
        product.active &&
        !product.category.startsWith('Safety') &&
        product.prices['Preferred USD'] &&
        product.prices['Standard EUR'] &&
        product.onHand.EAST > 50,
    )
    .map((product) => product.sku);
}

async function requesterFor(db: Database, email: string): Promise<Actor> {
  const [row] = await db
    .select({ user: users, membership: memberships })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(users.email, email));
  if (!row) throw new Error(`demo orders: no member ${email}`);
  const loaded = await loadMembership(db, row.membership.id, row.user.id);
  if (!('membership' in loaded)) throw new Error(`demo orders: ${email} cannot order (${loaded.problem})`);
  const { id, ...membership } = loaded.membership;
  const { id: userId, email: address, name, timeZone } = row.user;
  return { ...membership, membershipId: id, userId, email: address, name, timeZone: readableZone(timeZone) };
}

async function place(db: Database, order: DemoOrder, now: Date) {
  const requester = await requesterFor(db, order.email);
  for (const [sku, quantity] of order.lines) {
    const [product] = await db.select({ id: products.id }).from(products).where(eq(products.sku, sku));
    if (product)
      await db
        .insert(cartLines)
        .values({ membershipId: requester.membershipId, productId: product.id, quantity, addedAt: now });
  }
  const [account] = await db
    .select()
    .from(customerAccounts)
    .where(eq(customerAccounts.organizationId, requester.organizationId));
  const [address] = await db
    .select()
    .from(organizationAddresses)
    .where(
      and(
        eq(organizationAddresses.organizationId, requester.organizationId),
        eq(organizationAddresses.isDefault, true),
      ),
    );
  const [shipping] = await db
    .select()
    .from(shippingMethods)
    .where(eq(shippingMethods.currency, account?.currency ?? 'USD'))
    .orderBy(shippingMethods.sortOrder);
  if (!address || !shipping) throw new Error(`demo orders: ${order.email} has no address or shipping method`);
  return submitOrder(
    db,
    requester,
    {
      idempotencyKey: randomUUID(),
      addressId: address.id,
      shippingMethodCode: shipping.code,
      paymentMethod: order.paymentMethod ?? 'on_account',
      cardNumber: order.cardNumber,
      poNumber: order.poNumber,
    },
    now,
  );
}

/**
 * A little order history, placed through the real checkout so every state is genuine: orders
 * released to the warehouses, confirmed ones, a card payment waiting for review, and (with the
 * demo spending limits) Bob's large order waiting in the authorizations inbox.
 */
export async function seedDemoOrders(db: Database, now = new Date()): Promise<void> {
  const [a, b, c, d, e] = orderableSkus();
  if (!a || !b || !c || !d || !e) throw new Error('demo orders: not enough orderable products');
  await place(
    db,
    {
      email: 'paula@northwind.test',
      lines: [
        [a, 4],
        [b, 2],
      ],
      poNumber: 'NW-4501',
    },
    now,
  );
  await place(
    db,
    {
      email: 'gina@contoso.test',
      lines: [[c, 3]],
      paymentMethod: 'card',
      cardNumber: '4242424242424242',
      poNumber: 'CT-2210',
    },
    now,
  );
  await releaseToFulfillmentJob({ db, now });
  await place(db, { email: 'paula@northwind.test', lines: [[d, 6]], poNumber: 'NW-4502' }, now);
  await place(
    db,
    {
      email: 'paula@northwind.test',
      lines: [[e, 1]],
      paymentMethod: 'card',
      cardNumber: '4000000000009235',
      poNumber: 'NW-4503',
    },
    now,
  );
  await place(db, { email: 'bob@northwind.test', lines: [[a, 1]], poNumber: 'NW-4510' }, now);
  await place(
    db,
    {
      email: 'bob@northwind.test',
      lines: [
        [b, 40],
        [c, 20],
      ],
      poNumber: 'NW-4511',
    },
    now,
  );
}
