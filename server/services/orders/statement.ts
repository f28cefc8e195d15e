import type { Executor } from '@/db/client';
import { invoicedOrdersPage } from '@/db/queries/orders';
import type { Actor } from '@/server/domain/access/actor';
import { forbidden } from '@/server/domain/errors';
import type { StatementInput } from '@/server/schemas/order-history';
import { creditPosition } from './credit';

export const STATEMENT_REFUSED =
  'The account statement is for members who see prices and all of the organization’s orders.';

/** The statement shows the organization's money: it takes prices and orders of the whole organization. */
export function mayReadStatement(actor: Pick<Actor, 'permissions' | 'grants'>): boolean {
  return actor.permissions.has('prices.view') && actor.grants.get('orders.view') === 'org';
}

/**
 * The account's credit line (limit, open balance, available credit, terms) and a page of its
 * invoiced orders: bill-me orders deposited (invoiced) with the invoice date, amount, and whether
 * the customer has paid them.
 */
export async function accountStatement(db: Executor, actor: Actor, input: StatementInput) {
  if (!mayReadStatement(actor)) throw forbidden(STATEMENT_REFUSED);
  const [credit, invoices] = await Promise.all([
    creditPosition(db, actor.organizationId),
    invoicedOrdersPage(db, actor.organizationId, { status: input.status }, input),
  ]);
  return {
    account: credit && {
      currency: credit.currency,
      creditLimitMinor: credit.creditLimitMinor,
      openBalanceMinor: credit.openBalanceMinor,
      availableCreditMinor: credit.availableCreditMinor,
      paymentTerms: credit.paymentTerms,
    },
    page: input.page,
    hasNext: invoices.hasNext,
    invoices: invoices.rows.map((row) => ({
      number: row.number,
      orderedAt: row.submittedAt,
      invoicedAt: row.depositedAt,
      poNumber: row.poNumber,
      amountMinor: row.totalMinor,
      currency: row.currency,
      paidAt: row.settledAt,
      state: row.settledAt ? ('paid' as const) : ('open' as const),
    })),
  };
}
