import { ORDER_STATUS_LABELS, type OrderStatus } from '@/server/domain/orders/state-machine';

const TONE: Record<OrderStatus, string> = {
  pending_approval: '',
  declined: 'badge-bad',
  payment_review: '',
  backordered: '',
  payment_authorized: '',
  released: '',
  shipped: 'badge-good',
  deposited: 'badge-good',
  canceled: 'badge-bad',
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <span className={`badge ${TONE[status]}`}>{ORDER_STATUS_LABELS[status]}</span>;
}

/** A failed capture is what staff must notice in a list of shipped orders. */
export function CaptureFailedBadge() {
  return <span className="badge badge-bad">Capture failed</span>;
}
