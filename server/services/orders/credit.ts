import { eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { customerAccounts, type CustomerAccount } from '@/db/schema';
import { availableCredit } from '@/server/domain/orders/payment';
import type { OrderStatus } from '@/server/domain/orders/state-machine';

/** Bill-me orders the seller has accepted count in the open balance until the customer pays them. */
export const OWED_STATUSES: readonly OrderStatus[] = [
  'payment_authorized',
  'backordered',
  'released',
  'shipped',
  'deposited',
];

/**
 * What the organization owes on bill-me orders, as a scalar subquery. The conditions are written
 * out as literals, the same as the partial index orders_owed_idx: a prepared statement's generic
 * plan can only use a partial index whose predicate it sees in the query itself.
 */
export function openBalanceSql(organizationId: string | SQLWrapper, excludingOrderId?: string): SQL<string> {
  const excluding = excludingOrderId ? sql` and o.id <> ${excludingOrderId}` : sql``;
  return sql<string>`(select coalesce(sum(o.total_minor), 0) from orders o
    where o.organization_id = ${organizationId} and o.payment_method = 'on_account' and o.settled_at is null
      and o.status in (${sql.raw(OWED_STATUSES.map((status) => `'${status}'`).join(', '))})${excluding})`;
}

export async function openBalanceMinor(
  db: Executor,
  organizationId: string,
  excludingOrderId?: string,
): Promise<number> {
  const [row] = await db.execute<{ owed: string }>(
    sql`select ${openBalanceSql(organizationId, excludingOrderId)} as owed`,
  );
  return Number(row?.owed ?? 0);
}

/** The account's credit line as the buyer's account page and the payment decision see it. */
export async function creditPosition(db: Executor, organizationId: string, excludingOrderId?: string) {
  const [account] = await db.select().from(customerAccounts).where(eq(customerAccounts.organizationId, organizationId));
  return account ? creditPositionOf(account, await openBalanceMinor(db, organizationId, excludingOrderId)) : null;
}

/** The credit line of an account read with its open balance (see `openBalanceSql`). */
export function creditPositionOf(
  account: Pick<CustomerAccount, 'currency' | 'creditLimitMinor' | 'paymentMethods' | 'paymentTerms'>,
  openBalance: number,
) {
  return {
    currency: account.currency,
    creditLimitMinor: account.creditLimitMinor,
    openBalanceMinor: openBalance,
    availableCreditMinor: availableCredit(account.creditLimitMinor, openBalance),
    paymentMethods: account.paymentMethods,
    paymentTerms: account.paymentTerms,
  };
}
