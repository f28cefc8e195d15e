/**
 * The order state machine of WebSphere Commerce's "order flow process using ATP inventory", with
 * the approval gate. This table is the only place that decides whether a transition is allowed.
 *
 * Payment and inventory are decision points, not states: after approval the order goes to payment
 * review or on to inventory, and inventory ends in payment_authorized (all lines allocated) or
 * backordered. The service runs those decisions and feeds the resulting events in here.
 */
export const ORDER_STATUSES = [
  'pending_approval', // W
  'declined', // N
  'payment_review', // A
  'backordered', // B
  'payment_authorized', // C
  'released', // R
  'shipped', // S
  'deposited', // D
  'canceled', // X
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** WebSphere Commerce's one-letter codes, for the ERP feed and for people who know them. */
export const ORDER_STATUS_CODES: Record<OrderStatus, string> = {
  pending_approval: 'W',
  declined: 'N',
  payment_review: 'A',
  backordered: 'B',
  payment_authorized: 'C',
  released: 'R',
  shipped: 'S',
  deposited: 'D',
  canceled: 'X',
};

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending_approval: 'Waiting for approval',
  declined: 'Declined',
  payment_review: 'Payment under review',
  backordered: 'Backordered',
  payment_authorized: 'Confirmed',
  released: 'Released to fulfillment',
  shipped: 'Shipped',
  deposited: 'Paid',
  canceled: 'Canceled',
};

export const ORDER_EVENTS = [
  'decline', // an authorizer declines
  'resubmit', // the requester resubmits a declined order
  'cancel_decision', // an authorizer reverses a decision before release
  'needs_payment_review', // payment (card review, or on account over available credit)
  'payment_approved', // staff approve a payment under review
  'allocated', // every line allocated against available-to-promise
  'short_of_stock', // some line could not be allocated
  'release', // the release-to-fulfillment job
  'ship_complete', // every line shipped
  'deposit', // the balance-payments job captured the payment
  'cancel', // the buyer or staff cancel
] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

/** Before release an order can still be canceled and its approval decisions reversed. */
const BEFORE_RELEASE: readonly OrderStatus[] = [
  'pending_approval',
  'declined',
  'payment_review',
  'backordered',
  'payment_authorized',
];

const TABLE: Record<OrderEvent, { from: readonly OrderStatus[]; to: OrderStatus }> = {
  decline: { from: ['pending_approval'], to: 'declined' },
  resubmit: { from: ['declined'], to: 'pending_approval' },
  cancel_decision: {
    from: ['declined', 'payment_review', 'backordered', 'payment_authorized'],
    to: 'pending_approval',
  },
  // From pending_approval when the last approval is given; the others are for orders that needed none.
  needs_payment_review: { from: ['pending_approval'], to: 'payment_review' },
  payment_approved: { from: ['payment_review'], to: 'payment_authorized' },
  allocated: { from: ['pending_approval', 'payment_review', 'backordered'], to: 'payment_authorized' },
  short_of_stock: { from: ['pending_approval', 'payment_review'], to: 'backordered' },
  release: { from: ['payment_authorized'], to: 'released' },
  ship_complete: { from: ['released'], to: 'shipped' },
  deposit: { from: ['shipped'], to: 'deposited' },
  cancel: { from: BEFORE_RELEASE, to: 'canceled' },
};

const EVENT_WORDS: Record<OrderEvent, string> = {
  decline: 'decline',
  resubmit: 'resubmit',
  cancel_decision: 'reverse a decision on',
  needs_payment_review: 'send to payment review',
  payment_approved: 'approve the payment of',
  allocated: 'allocate',
  short_of_stock: 'backorder',
  release: 'release',
  ship_complete: 'ship',
  deposit: 'deposit',
  cancel: 'cancel',
};

export type OrderTransition = { ok: true; to: OrderStatus } | { ok: false; message: string };

export function orderTransition(status: OrderStatus, event: OrderEvent): OrderTransition {
  const rule = TABLE[event];
  if (rule.from.includes(status)) return { ok: true, to: rule.to };
  return {
    ok: false,
    message: `You cannot ${EVENT_WORDS[event]} an order that is ${ORDER_STATUS_LABELS[status].toLowerCase()}.`,
  };
}

/** Orders waiting for, or refused by, their authorizers never reach fulfillment or the ERP feed. */
export function isVisibleToFulfillment(status: OrderStatus): boolean {
  return status !== 'pending_approval' && status !== 'declined';
}

export function canCancel(status: OrderStatus): boolean {
  return TABLE.cancel.from.includes(status);
}
