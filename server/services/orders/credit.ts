import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { customerAccounts, orders } from '@/db/schema';
import { availableCredit } from '@/server/domain/orders/payment';
import type { OrderStatus } from '@/server/domain/orders/state-machine';

/** Bill-me orders the seller has accepted count in the open balance until the customer pays them. */
export const OWED_STATUSES: readonly OrderStatus[] = ['payment_authorized', 'backordered', 'released', 'shipped', 'deposited'];

export async function openBalanceMinor(db: Executor, organizationId: string, excludingOrderId?: string): Promise<number> {
  const [row] = await db
    .select({ owed: sql<string>`coalesce(sum(${orders.totalMinor}), 0)` })
    .from(orders)
    .where(
      and(
        eq(orders.organizationId, organizationId),
        eq(orders.paymentMethod, 'on_account'),
        isNull(orders.settledAt),
        inArray(orders.status, [...OWED_STATUSES]),
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
