import { and, desc } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { invoicedConditions } from '@/db/queries/orders';
import { orders } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { forbidden } from '@/server/domain/errors';
import { majorUnits, type Cell } from '@/server/domain/exports/csv';
import type { StatementFilters } from '@/server/schemas/list-filters';
import { mayReadStatement, STATEMENT_REFUSED } from '../orders/statement';
import { EXPORT_PAGE_ROWS, keysetPages, olderThan, type ExportTable } from './table';

/**
 * The account statement's invoiced orders as CSV (all, open or paid, as the statement page
 * filters them), for the same readers: prices and all of the organization's orders.
 */
export async function statementExport(db: Database, actor: Actor, filters: StatementFilters): Promise<ExportTable> {
  if (!mayReadStatement(actor)) throw forbidden(STATEMENT_REFUSED);
  return {
    name: 'statement',
    columns: ['Order', 'Ordered at', 'Invoiced at', 'PO number', 'Amount', 'Currency', 'State', 'Paid at'],
    pages: () =>
      keysetPages(
        (after) =>
          db
            .select({
              id: orders.id,
              number: orders.number,
              submittedAt: orders.submittedAt,
              depositedAt: orders.depositedAt,
              settledAt: orders.settledAt,
              poNumber: orders.poNumber,
              totalMinor: orders.totalMinor,
              currency: orders.currency,
            })
            .from(orders)
            .where(
              and(invoicedConditions(actor.organizationId, filters), olderThan(orders.submittedAt, orders.id, after)),
            )
            .orderBy(desc(orders.submittedAt), desc(orders.id))
            .limit(EXPORT_PAGE_ROWS),
        (rows) =>
          rows.map((row): Cell[] => [
            row.number,
            row.submittedAt,
            row.depositedAt,
            row.poNumber,
            majorUnits(row.totalMinor, row.currency),
            row.currency,
            row.settledAt ? 'paid' : 'open',
            row.settledAt,
          ]),
      ),
  };
}
