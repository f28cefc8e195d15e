import { StatusBadge } from '@/components/ui/status-badge';
import { DISPLAY_STATUS_LABELS, statusTone, type DisplayStatus } from '@/server/domain/orders/display-status';
import type { PaymentStatus } from '@/server/domain/orders/payment';
import { paymentWords, type PaymentAudience } from '@/server/domain/orders/payment-words';
import type { PaymentMethod } from '@/server/domain/organizations/status';

/** An order's status as people read it ("Partially shipped" included). */
export function OrderStatusBadge({ status, testId }: { status: DisplayStatus; testId?: string }) {
  return (
    <StatusBadge tone={statusTone(status)} testId={testId}>
      {DISPLAY_STATUS_LABELS[status]}
    </StatusBadge>
  );
}

/** Where an order's money stands, in words that fit its payment method ("Invoiced (bill me)", "Paid by card"). */
export function PaymentBadge(props: { method: PaymentMethod; status: PaymentStatus; audience: PaymentAudience }) {
  const words = paymentWords(props.method, props.status, props.audience);
  return <StatusBadge tone={words.tone}>{words.label}</StatusBadge>;
}

/** A failed capture is what staff must notice in a list of shipped orders. */
export function CaptureFailedBadge() {
  return <StatusBadge tone="bad">Capture failed</StatusBadge>;
}
