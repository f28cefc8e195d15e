import type { Database } from '@/db/client';
import { orderHistoryPage } from '@/db/queries/orders';
import type { Actor } from '@/server/domain/access/actor';
import { majorUnits, type Cell } from '@/server/domain/exports/csv';
import { DISPLAY_STATUS_LABELS, displayStatus } from '@/server/domain/orders/display-status';
import type { OrderFilters } from '@/server/schemas/list-filters';
import { historyReach } from '../orders/history';
import { EXPORT_PAGE_ROWS, keysetPages, type ExportTable } from './table';

/**
 * The buyer's order history as CSV: the rows of the orders list with its filters, every page of
 * it. The same reach (own, unit, organization) and the same columns as the list: the requester
 * only when the list shows it, totals only with 'prices.view'.
 */
export async function ordersExport(db: Database, actor: Actor, filters: OrderFilters): Promise<ExportTable> {
  const reach = await historyReach(db, actor);
  const prices = actor.permissions.has('prices.view');
  const requester = reach.scope !== 'own';
  const columns = [
    'Order',
    'Placed at',
    'Status',
    ...(requester ? ['Ordered by'] : []),
    'PO number',
    'Items',
    ...(prices ? ['Total', 'Currency'] : []),
  ];
  return {
    name: 'orders',
    columns,
    pages: () =>
      keysetPages(
        async (after) =>
          (
            await orderHistoryPage(
              db,
              actor.organizationId,
              reach,
              { search: filters.search || undefined, status: filters.status },
              { cursor: after?.id, direction: 'older', pageSize: EXPORT_PAGE_ROWS },
            )
          ).rows,
        (rows) =>
          rows.map((row): Cell[] => [
            row.number,
            row.submittedAt,
            DISPLAY_STATUS_LABELS[displayStatus(row.status, row.anyShipped)],
            ...(requester ? [row.requesterName] : []),
            row.poNumber,
            row.itemCount,
            ...(prices ? [majorUnits(row.totalMinor, row.currency), row.currency] : []),
          ]),
      ),
  };
}
