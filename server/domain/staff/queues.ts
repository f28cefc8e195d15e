import type { Permission } from '../access/permissions';

export type StaffQueue =
  | 'registrations'
  | 'paymentReviews'
  | 'toRelease'
  | 'backorders'
  | 'batchesInProgress'
  | 'failedEmails'
  | 'failedCaptures';

/** Whether a non-empty queue is work to do or a problem to fix: the dashboard emphasises them differently. */
export type QueueUrgency = 'work' | 'problem';

export type StaffQueueDefinition = {
  key: StaffQueue;
  label: string;
  /** The list that shows exactly the rows counted. */
  href: string;
  permission: Permission;
  urgency: QueueUrgency;
};

/** The staff dashboard's queues, in the order they are worked, each with the filtered list it links to. */
export const STAFF_QUEUES: readonly StaffQueueDefinition[] = [
  {
    key: 'registrations',
    label: 'Registrations waiting',
    href: '/staff/registrations?status=pending_approval',
    permission: 'staff.registrations.view',
    urgency: 'work',
  },
  {
    key: 'paymentReviews',
    label: 'Payment reviews',
    href: '/staff/payments',
    permission: 'staff.payments.review',
    urgency: 'work',
  },
  {
    key: 'toRelease',
    label: 'Orders to release',
    href: '/staff/orders?status=payment_authorized',
    permission: 'staff.orders.view',
    urgency: 'work',
  },
  {
    key: 'backorders',
    label: 'Backorders',
    href: '/staff/orders?status=backordered',
    permission: 'staff.orders.view',
    urgency: 'work',
  },
  {
    key: 'batchesInProgress',
    label: 'Pick batches in progress',
    href: '/staff/fulfillment/batches?status=open',
    permission: 'staff.fulfillment.work',
    urgency: 'work',
  },
  {
    key: 'failedEmails',
    label: 'Failed emails',
    href: '/staff/jobs?emails=failed',
    permission: 'staff.system.view',
    urgency: 'problem',
  },
  {
    key: 'failedCaptures',
    label: 'Failed captures',
    href: '/staff/orders?failed=1',
    permission: 'staff.orders.view',
    urgency: 'problem',
  },
];

/** How a queue's card reads: calm when empty, emphasised when work waits, alarming when something failed. */
export function queueEmphasis(count: number, urgency: QueueUrgency): 'calm' | 'attention' | 'alarm' {
  if (count === 0) return 'calm';
  return urgency === 'problem' ? 'alarm' : 'attention';
}
