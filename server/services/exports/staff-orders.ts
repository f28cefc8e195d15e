import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders, organizations, users } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { forbidden } from '@/server/domain/errors';
import { majorUnits, type Cell } from '@/server/domain/exports/csv';
import { paymentWords } from '@/server/domain/orders/payment-words';
import { ORDER_STATUS_LABELS } from '@/server/domain/orders/state-machine';
import { PAYMENT_METHOD_LABELS } from '@/server/domain/organizations/status';
import type { StaffOrderListInput } from '@/server/schemas/staff-orders';
import { staffOrderConditions } from '../orders/staff-orders';
import { EXPORT_PAGE_ROWS, keysetPages, olderThan, type ExportTable } from './table';

/** Every organization's orders for seller staff who may see them, with the staff list's filters. */
export async function staffOrdersExport(
  db: Database,
  actor: Actor,
  filters: Omit<StaffOrderListInput, 'page' | 'pageSize'>,
): Promise<ExportTable> {
  if (actor.organization.kind !== 'seller' || !actor.permissions.has('staff.orders.view')) {
    throw forbidden('Only seller staff who may see orders can export them.');
  }
  return {
    name: 'staff-orders',
    columns: [
      'Order',
      'Placed at',
      'Status',
      'Organization',
      'Ordered by',
      'PO number',
      'Items',
      'Total',
      'Currency',
      'Payment method',
      'Payment status',
    ],
    pages: () =>
      keysetPages(
        (after) =>
          db
            .select({
              id: orders.id,
              number: orders.number,
              submittedAt: orders.submittedAt,
              status: orders.status,
              organizationName: organizations.name,
              requesterName: users.name,
              poNumber: orders.poNumber,
              itemCount: orders.itemCount,
              totalMinor: orders.totalMinor,
              currency: orders.currency,
              paymentMethod: orders.paymentMethod,
              paymentStatus: orders.paymentStatus,
            })
            .from(orders)
            .innerJoin(organizations, eq(organizations.id, orders.organizationId))
            .innerJoin(users, eq(users.id, orders.userId))
            .where(and(staffOrderConditions(filters), olderThan(orders.submittedAt, orders.id, after)))
            .orderBy(desc(orders.submittedAt), desc(orders.id))
            .limit(EXPORT_PAGE_ROWS),
        (rows) =>
          rows.map((row): Cell[] => [
            row.number,
            row.submittedAt,
            ORDER_STATUS_LABELS[row.status],
            row.organizationName,
            row.requesterName,
            row.poNumber,
            row.itemCount,
            majorUnits(row.totalMinor, row.currency),
            row.currency,
            PAYMENT_METHOD_LABELS[row.paymentMethod],
            paymentWords(row.paymentMethod, row.paymentStatus, 'staff').label,
          ]),
      ),
  };
}
