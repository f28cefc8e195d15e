import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { approvalInbox, approvalSteps, memberships, orders, users } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { forbidden } from '@/server/domain/errors';
import { majorUnits, type Cell } from '@/server/domain/exports/csv';
import type { InboxFilters } from '@/server/schemas/list-filters';
import { inboxConditions } from '../approvals/inbox';
import { EXPORT_PAGE_ROWS, keysetPages, olderThan, type ExportTable } from './table';

const decider = alias(users, 'decider');
const absentMembership = alias(memberships, 'absent_membership');
const absent = alias(users, 'absent');

/** The steps of a page of orders with who decided each, and for whom, in the order the order page shows them. */
async function stepsOf(db: Database, orderIds: string[]) {
  if (orderIds.length === 0) return new Map<string, StepRow[]>();
  const steps = await db
    .select({
      orderId: approvalSteps.orderId,
      label: approvalSteps.label,
      status: approvalSteps.status,
      decidedBy: decider.name,
      onBehalfOf: absent.name,
      decidedAt: approvalSteps.decidedAt,
      feedback: approvalSteps.feedback,
    })
    .from(approvalSteps)
    .leftJoin(decider, eq(decider.id, approvalSteps.decidedByUserId))
    .leftJoin(absentMembership, eq(absentMembership.id, approvalSteps.onBehalfOfMembershipId))
    .leftJoin(absent, eq(absent.id, absentMembership.userId))
    // Steps set aside by a resubmit are not part of the record people read.
    .where(and(inArray(approvalSteps.orderId, orderIds), ne(approvalSteps.status, 'void')))
    .orderBy(asc(approvalSteps.tier), asc(approvalSteps.id));
  const byOrder = new Map<string, StepRow[]>();
  for (const step of steps) byOrder.set(step.orderId, [...(byOrder.get(step.orderId) ?? []), step]);
  return byOrder;
}
type StepRow = {
  label: string;
  status: string;
  decidedBy: string | null;
  onBehalfOf: string | null;
  decidedAt: Date | null;
  feedback: string | null;
};

/**
 * The authorizer's inbox as CSV, with its tab and filters (pending, waiting, approved, declined),
 * one row per approval step of each order: who decided it, when, on whose behalf and with what
 * feedback — the record the authorizer reads on the order. Totals only with 'prices.view'.
 */
export async function approvalsExport(db: Database, actor: Actor, filters: InboxFilters): Promise<ExportTable> {
  if (!actor.permissions.has('orders.approve')) throw forbidden('You do not authorize orders.');
  const prices = actor.permissions.has('prices.view');
  return {
    name: `approvals-${filters.state}`,
    columns: [
      'Order',
      'Submitted at',
      'Ordered by',
      'PO number',
      ...(prices ? ['Total', 'Currency'] : []),
      'Step',
      'Step status',
      'Decided by',
      'On behalf of',
      'Decided at',
      'Feedback',
    ],
    pages: () =>
      keysetPages(
        (after) =>
          db
            .select({
              id: approvalInbox.orderId,
              submittedAt: approvalInbox.submittedAt,
              number: approvalInbox.orderNumber,
              requester: users.name,
              poNumber: orders.poNumber,
              totalMinor: orders.totalMinor,
              currency: orders.currency,
            })
            .from(approvalInbox)
            .innerJoin(orders, eq(orders.id, approvalInbox.orderId))
            .innerJoin(users, eq(users.id, orders.userId))
            .where(
              and(
                inboxConditions(actor.membershipId, filters),
                olderThan(approvalInbox.submittedAt, approvalInbox.orderId, after),
              ),
            )
            .orderBy(desc(approvalInbox.submittedAt), desc(approvalInbox.orderId))
            .limit(EXPORT_PAGE_ROWS),
        async (rows) => {
          const steps = await stepsOf(
            db,
            rows.map((row) => row.id),
          );
          return rows.flatMap((row) => {
            const order: Cell[] = [
              row.number,
              row.submittedAt,
              row.requester,
              row.poNumber,
              ...(prices ? [majorUnits(row.totalMinor, row.currency), row.currency] : []),
            ];
            const record = steps.get(row.id) ?? [];
            if (record.length === 0) return [[...order, null, null, null, null, null, null]];
            return record.map((step) => [
              ...order,
              step.label,
              step.status,
              step.decidedBy,
              step.onBehalfOf,
              step.decidedAt,
              step.feedback,
            ]);
          });
        },
      ),
  };
}
