import { StatusBadge } from '@/components/ui/status-badge';
import { DISPLAY_STATUS_LABELS, statusTone, type DisplayStatus } from '@/server/domain/orders/display-status';

/** An order's status as people read it ("Partially shipped" included). */
export function OrderStatusBadge({ status }: { status: DisplayStatus }) {
  return <StatusBadge tone={statusTone(status)}>{DISPLAY_STATUS_LABELS[status]}</StatusBadge>;
}

/** A failed capture is what staff must notice in a list of shipped orders. */
export function CaptureFailedBadge() {
  return <StatusBadge tone="bad">Capture failed</StatusBadge>;
}
