import { DISPLAY_STATUS_LABELS, statusTone, type DisplayStatus } from '@/server/domain/orders/display-status';

const TONE_CLASS = { good: 'badge-good', bad: 'badge-bad', neutral: '' } as const;

/** An order's status as the buyer reads it ("Partially shipped" included). */
export function OrderStatusBadge({ status }: { status: DisplayStatus }) {
  return <span className={`badge ${TONE_CLASS[statusTone(status)]}`}>{DISPLAY_STATUS_LABELS[status]}</span>;
}
