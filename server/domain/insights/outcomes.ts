import type { OrderStatus } from '../orders/state-machine';

/** Orders as the approval process left them. */
export const APPROVAL_OUTCOMES = [
  { key: 'not_needed', label: 'No approval needed' },
  { key: 'approved', label: 'Approved' },
  { key: 'waiting', label: 'Waiting for approval' },
  { key: 'declined', label: 'Declined' },
  { key: 'canceled', label: 'Canceled' },
] as const;

export type ApprovalOutcome = (typeof APPROVAL_OUTCOMES)[number]['key'];

/**
 * An order's approval outcome from its status and whether any step was ever made for it. A
 * cancellation counts as such whatever came before; an order past approval with steps was approved.
 */
export function approvalOutcome(status: OrderStatus, hadSteps: boolean): ApprovalOutcome {
  if (status === 'canceled') return 'canceled';
  if (status === 'declined') return 'declined';
  if (status === 'pending_approval') return 'waiting';
  return hadSteps ? 'approved' : 'not_needed';
}

/** Counts per outcome, every outcome present, from (status, had steps, count) rows. */
export function countByOutcome(rows: readonly { status: OrderStatus; hadSteps: boolean; count: number }[]) {
  const counts = new Map<ApprovalOutcome, number>();
  for (const row of rows) {
    const outcome = approvalOutcome(row.status, row.hadSteps);
    counts.set(outcome, (counts.get(outcome) ?? 0) + row.count);
  }
  return APPROVAL_OUTCOMES.map((o) => ({ key: o.key, label: o.label, count: counts.get(o.key) ?? 0 }));
}

/** Orders that count as spent: accepted past approval and not canceled (quotes and carts are not orders). */
export const SPEND_STATUSES: readonly OrderStatus[] = [
  'payment_review',
  'payment_authorized',
  'backordered',
  'released',
  'shipped',
  'deposited',
];
