import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { customerAccounts, organizationAddresses, organizations, shippingMethods, type Order } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import type { SubmitOrderInput } from '@/server/schemas/orders';
import { creditPositionOf } from './credit';

/**
 * Everything a submit reads about the organization once it holds the organization's lock, in one
 * statement (a submit is the busiest write there is): an earlier order with the same idempotency
 * key, the customer account with its available credit, and the chosen address and shipping
 * method — each null when there is none or it may not be used.
 */
export async function submitContext(
  tx: Executor,
  actor: Pick<Actor, 'organizationId' | 'membershipId'>,
  input: Pick<SubmitOrderInput, 'idempotencyKey' | 'addressId' | 'shippingMethodCode'>,
) {
  const [row] = await tx
    .select({
      earlier: sql<Pick<
        Order,
        'number' | 'status' | 'paymentReference'
      > | null>`(select json_build_object('number', o.number, 'status', o.status, 'paymentReference', o.payment_reference) from orders o
        where o.membership_id = ${actor.membershipId} and o.idempotency_key = ${input.idempotencyKey})`,
      account: customerAccounts,
      address: organizationAddresses,
      shipping: shippingMethods,
    })
    .from(organizations)
    .leftJoin(customerAccounts, eq(customerAccounts.organizationId, organizations.id))
    .leftJoin(
      organizationAddresses,
      and(
        eq(organizationAddresses.id, input.addressId),
        eq(organizationAddresses.organizationId, organizations.id),
        eq(organizationAddresses.active, true),
      ),
    )
    .leftJoin(
      shippingMethods,
      and(eq(shippingMethods.code, input.shippingMethodCode), eq(shippingMethods.active, true)),
    )
    .where(eq(organizations.id, actor.organizationId))
    .prepare('submit_context')
    .execute();
  return {
    earlier: row?.earlier ?? null,
    credit: row?.account ? creditPositionOf(row.account, row.account.openBalanceMinor) : null,
    address: row?.address ?? null,
    shipping: row?.shipping ?? null,
  };
}
