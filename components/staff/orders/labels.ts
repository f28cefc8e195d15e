import type { PaymentStatus } from '@/server/domain/orders/payment';

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  pending: 'Pending approval of the order',
  authorized: 'Authorized',
  review: 'Under review',
  captured: 'Captured',
  capture_failed: 'Capture failed',
  voided: 'Voided',
};
