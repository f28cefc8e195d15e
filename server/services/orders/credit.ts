import { eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { customerAccounts, type CustomerAccount } from '@/db/schema';
import { availableCredit } from '@/server/domain/orders/payment';
import type { OrderStatus } from '@/server/domain/orders/state-machine';

/**
 * Bill-me orders the seller has accepted count in the open balance until the customer pays them.
 * The database's `order_owed_minor` (migration 0016) applies the same rule; a test holds the two
 * together.
 */
export const OWED_STATUSES: readonly OrderStatus[] = [
  'payment_authorized',
  'backordered',
  'released',
  'shipped',
  'deposited',
];

/**
 * What the organization owes on bill-me orders, as a scalar subquery: the account's running open
 * balance, which a trigger on orders keeps (migration 0016), so a submit reads one row where it
 * used to add up every unpaid order (about a thousand for a busy customer, two thirds of the
 * submit's read). Less the excluded order's part, for an order being decided again.
 */
export function openBalanceSql(organizationId: string | SQLWrapper, excludingOrderId?: string): SQL<string> {
  const excluding = excludingOrderId
    ? sql` - coalesce((select order_owed_minor(o.payment_method, o.settled_at, o.status, o.total_minor)
        from orders o where o.id = ${excludingOrderId}), 0)`
    : sql``;
  return sql<string>`(coalesce((select ca.open_balance_minor from customer_accounts ca
    where ca.organization_id = ${organizationId}), 0)${excluding})`;
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
  if (!account) return null;
  // The row carries its open balance; only an order decided again needs its own part taken out.
  const owed = excludingOrderId
    ? await openBalanceMinor(db, organizationId, excludingOrderId)
    : account.openBalanceMinor;
  return creditPositionOf(account, owed);
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
