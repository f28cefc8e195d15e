import { StatusBadge, type BadgeTone } from '@/components/ui/status-badge';
import { QUOTE_STATUS_LABELS, type QuoteStatus } from '@/server/domain/quotes/status';

const TONE: Record<QuoteStatus, BadgeTone> = {
  requested: 'neutral',
  priced: 'good',
  ordered: 'good',
  rejected: 'bad',
  withdrawn: 'neutral',
  expired: 'bad',
};

/** A quote's status as people read it ("Waiting for prices", "Priced — ready to order" …). */
export function QuoteStatusBadge({ status, testId }: { status: QuoteStatus; testId?: string }) {
  return (
    <StatusBadge tone={TONE[status]} testId={testId}>
      {QUOTE_STATUS_LABELS[status]}
    </StatusBadge>
  );
}
