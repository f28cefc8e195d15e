import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { limitsOf, monthSpendMinor } from '@/db/queries/approvals';
import { memberships, type Order } from '@/db/schema';
import { budgetMonthWords, describeBudget, type BudgetLimit, type BudgetView } from '@/server/domain/approvals/budget';
import { organizationCurrency } from './limits';

/**
 * A member's spend in the calendar month (UTC) of `monthOf` and their spending limits, in the
 * organization's currency (the one limits are set in) — the one computation behind the home
 * page's "Spent this month" and the budget an authorizer sees. The orders counted are those a
 * monthly limit counts (`monthSpendMinor`); `exceptOrderId` leaves out the order being decided.
 */
export async function memberSpend(
  db: Executor,
  member: { membershipId: string; organizationId: string },
  options: { monthOf: Date; exceptOrderId?: string; withLimits: boolean },
): Promise<{ currency: string; spentMinor: number; limits: BudgetLimit[] }> {
  const [spentMinor, currency, limits] = await Promise.all([
    monthSpendMinor(db, member.membershipId, options.monthOf, options.exceptOrderId),
    organizationCurrency(db, member.organizationId),
    options.withLimits ? limitsOf(db, member.membershipId) : [],
  ]);
  return { currency, spentMinor, limits: limits.map(({ limitMinor, period }) => ({ limitMinor, period })) };
}

/** An order's facts the budget needs. */
type BudgetOrder = Pick<Order, 'id' | 'membershipId' | 'organizationId' | 'submittedAt' | 'totalMinor' | 'status'>;

/**
 * The requester's budget around an order waiting for approval, as one viewer may see it (no amount
 * without `prices`); null once the order is decided. The month is the one the order counts in —
 * the month it was submitted, in UTC as the approval policy counts it — and "spent" is the
 * requester's other orders of that month, so approving this one leaves the month at spent + this
 * order. The requester's limits apply only while they have a limited budget, as in the policy.
 */
export async function orderBudget(
  db: Executor,
  order: BudgetOrder,
  viewer: { prices: boolean },
  now: Date,
): Promise<BudgetView | null> {
  const facts = await orderBudgetFacts(db, order, now);
  return facts && describeBudget(facts, viewer);
}

/** What `orderBudget` describes, loaded once for several viewers (an email to each authorizer). */
export async function orderBudgetFacts(db: Executor, order: BudgetOrder, now: Date) {
  if (order.status !== 'pending_approval') return null;
  const [requester] = await db
    .select({ hasLimitedBudget: memberships.hasLimitedBudget })
    .from(memberships)
    .where(eq(memberships.id, order.membershipId));
  const spend = await memberSpend(db, order, {
    monthOf: order.submittedAt,
    exceptOrderId: order.id,
    withLimits: requester?.hasLimitedBudget ?? false,
  });
  return { ...spend, orderMinor: order.totalMinor, month: budgetMonthWords(order.submittedAt, now) };
}
