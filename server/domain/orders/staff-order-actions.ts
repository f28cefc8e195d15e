import type { Actor } from '../access/actor';
import type { PaymentMethod } from '../organizations/status';
import type { PaymentStatus } from './payment';
import { canCancel, ORDER_STATUS_LABELS, type OrderStatus } from './state-machine';
import { formatTimestamp } from '../time';

/** What the staff decisions need to know about an order. */
export type StaffOrderRef = {
  status: OrderStatus;
  paymentMethod: PaymentMethod;
  paymentStatus: PaymentStatus;
  settledAt: Date | null;
};

/** The staff actions an order page offers. */
export type StaffOrderMay = { cancel: boolean; markSettled: boolean; retryCapture: boolean; reviewPayment: boolean };

/**
 * Why the customer's payment of this order cannot be recorded now, or null when it can: only a
 * bill-me order, once invoiced (deposited), and only once. Times read in `timeZone`, the reader's.
 */
export function settleRefusal(order: StaffOrderRef, timeZone = 'UTC'): string | null {
  if (order.paymentMethod !== 'on_account') {
    return 'Only bill-me orders are paid by the customer later; card and cash-on-delivery payments are taken by the balance-payments job.';
  }
  if (order.settledAt)
    return `The customer’s payment of this order was already recorded at ${formatTimestamp(order.settledAt, timeZone)}.`;
  if (order.status !== 'deposited') {
    return `The order is ${ORDER_STATUS_LABELS[order.status].toLowerCase()}. It is invoiced once it has shipped and the balance-payments job has run; record the payment after that.`;
  }
  return null;
}

/** Why staff cannot retry the card capture now, or null when they can: a shipped order whose capture failed. */
export function captureRetryRefusal(order: StaffOrderRef): string | null {
  if (order.status === 'shipped' && order.paymentStatus === 'capture_failed') return null;
  return order.paymentStatus === 'captured'
    ? 'The payment of this order is already captured.'
    : 'Only a shipped order whose card capture failed can be retried.';
}

/** Which staff actions the order page offers: each needs its permission and an order whose state allows it. */
export function staffOrderMay(actor: Pick<Actor, 'permissions'>, order: StaffOrderRef): StaffOrderMay {
  const manage = actor.permissions.has('staff.orders.manage');
  return {
    cancel: manage && canCancel(order.status),
    markSettled: manage && settleRefusal(order) === null,
    retryCapture: manage && captureRetryRefusal(order) === null,
    reviewPayment: actor.permissions.has('staff.payments.review') && order.status === 'payment_review',
  };
}
