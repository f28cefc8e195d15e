import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderEvents, orders, type Order, type Organization, type PriceList } from '@/db/schema';
import type { PaymentMethod } from '@/server/domain/organizations/status';
import { lockOrder, moveOrder } from '@/server/services/orders/transition';
import { givePriceList } from './catalog';
import { createMember, createOrganization, type Member, type PredefinedRoleKey } from './factories';
import { readyToOrder } from './orders';

/** A buyer organization ready to order (USD, price list, address) with one buyer who sees prices. */
export type OrderingOrganization = { organization: Organization; list: PriceList; buyer: Member; addressId: string };

export async function orderingOrganization(
  db: Database,
  options: { creditLimitMinor?: number; paymentMethods?: PaymentMethod[] } = {},
): Promise<OrderingOrganization> {
  const organization = await createOrganization(db);
  const list = await givePriceList(db, organization);
  const { address } = await readyToOrder(db, organization, options);
  const buyer = await createMember(db, organization, { roles: ['buyer'], mayOrder: true, maySeePrices: true });
  return { organization, list, buyer, addressId: address.id };
}

/** A member of a seller organization of their own, holding one predefined staff role. */
export async function staffMember(db: Database, role: PredefinedRoleKey): Promise<Member> {
  const seller = await createOrganization(db, { kind: 'seller' });
  return createMember(db, seller, { roles: [role] });
}

/**
 * Brings a confirmed order to shipped as fulfillment would (released, then every line shipped),
 * through the state machine, so the balance-payments job has something to take payment for.
 */
export async function shipOrder(db: Database, order: Pick<Order, 'id'>, now = new Date()): Promise<Order> {
  return db.transaction(async (tx) => {
    let locked = await lockOrder(tx, order.id);
    if (locked.status === 'payment_authorized')
      locked = await moveOrder(
        tx,
        locked,
        'release',
        { now, actorUserId: null, message: 'Released (test).' },
        { releasedAt: now },
      );
    return moveOrder(
      tx,
      locked,
      'ship_complete',
      { now, actorUserId: null, message: 'Shipped (test).' },
      { shippedAt: now },
    );
  });
}

export async function reload(db: Database, order: Pick<Order, 'id'>): Promise<Order> {
  const [row] = await db.select().from(orders).where(eq(orders.id, order.id));
  if (!row) throw new Error('test: the order is gone');
  return row;
}

/** The kinds of an order's history lines, in the order written. */
export async function eventKinds(db: Database, order: Pick<Order, 'id'>): Promise<string[]> {
  const rows = await db
    .select({ kind: orderEvents.kind, at: orderEvents.at })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, order.id));
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime()).map((row) => row.kind);
}
