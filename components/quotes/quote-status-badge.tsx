import { QUOTE_STATUS_LABELS, type QuoteStatus } from '@/server/domain/quotes/status';

const TONE: Record<QuoteStatus, string> = {
  requested: '',
  priced: 'badge-good',
  ordered: 'badge-good',
  rejected: 'badge-bad',
  withdrawn: '',
  expired: 'badge-bad',
};

/** A quote's status as people read it ("Waiting for prices", "Priced — ready to order" …). */
export function QuoteStatusBadge({ status, testId }: { status: QuoteStatus; testId?: string }) {
  return (
    <span className={`badge ${TONE[status]}`} data-testid={testId}>
      {QUOTE_STATUS_LABELS[status]}
    </span>
  );
}
