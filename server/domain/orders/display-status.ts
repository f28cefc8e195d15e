import type { StatusTone } from './payment-words';
import { ORDER_STATUS_LABELS, ORDER_STATUSES, type OrderStatus } from './state-machine';

/**
 * What a buyer reads as an order's status: the state machine's states, plus "Partially shipped"
 * for a released order some of whose items have already left (packages ship one by one).
 */
export const DISPLAY_STATUSES = [...ORDER_STATUSES, 'partially_shipped'] as const;
export type DisplayStatus = (typeof DISPLAY_STATUSES)[number];

export const DISPLAY_STATUS_LABELS: Record<DisplayStatus, string> = {
  ...ORDER_STATUS_LABELS,
  partially_shipped: 'Partially shipped',
};

export function displayStatus(status: OrderStatus, anyShipped: boolean): DisplayStatus {
  return status === 'released' && anyShipped ? 'partially_shipped' : status;
}

/** The badge tone of a status: done, waiting on someone, stopped, or still on its way. */
export function statusTone(status: DisplayStatus): StatusTone {
  if (status === 'shipped' || status === 'deposited') return 'good';
  if (status === 'canceled' || status === 'declined') return 'bad';
  if (status === 'pending_approval' || status === 'payment_review' || status === 'backordered') return 'warn';
  return 'neutral';
}
