import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { customerAccounts, orders } from '@/db/schema';
import { availableCredit } from '@/server/domain/orders/payment';
import type { OrderStatus } from '@/server/domain/orders/state-machine';

/** Bill-me orders the seller has accepted count in the open balance until the customer pays them. */
export const OWED_STATUSES: readonly OrderStatus[] = ['payment_authorized', 'backordered', 'released', 'shipped', 'deposited'];

/**
 * What the organization owes on bill-me orders. The conditions are written out as literals, the
 * same as the partial index orders_owed_idx: a prepared statement's generic plan can only use a
 * partial index whose predicate it sees in the query itself.
 */
export async function openBalanceMinor(db: Executor, organizationId: string, excludingOrderId?: string): Promise<number> {
  const [row] = await db
    .select({ owed: sql<string>`coalesce(sum(${orders.totalMinor}), 0)` })
    .from(orders)
    .where(
      and(
        eq(orders.organizationId, organizationId),
        sql`${orders.paymentMethod} = 'on_account' and ${orders.settledAt} is null and ${orders.status} in (${sql.raw(OWED_STATUSES.map((status) => `'${status}'`).join(', '))})`,
        excludingOrderId ? ne(orders.id, excludingOrderId) : undefined,
      ),
    );
  return Number(row?.owed ?? 0);
}

/** The account's credit line as the buyer's account page and the payment decision see it. */
export async function creditPosition(db: Executor, organizationId: string, excludingOrderId?: string) {
  const [account] = await db.select().from(customerAccounts).where(eq(customerAccounts.organizationId, organizationId));
  if (!account) return null;
  const openBalance = await openBalanceMinor(db, organizationId, excludingOrderId);
  return {
    currency: account.currency,
    creditLimitMinor: account.creditLimitMinor,
    openBalanceMinor: openBalance,
    availableCreditMinor: availableCredit(account.creditLimitMinor, openBalance),
    paymentMethods: account.paymentMethods,
    paymentTerms: account.paymentTerms,
  };
}
