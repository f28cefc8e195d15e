import { Tabs } from '@/components/ui/tabs';
import type { QuoteStatus } from '@/server/domain/quotes/status';
import styles from './quotes.module.css';

export type QuoteView = { status: QuoteStatus | undefined; label: string };

/** The buyer's views of their quotes: all, then each status. */
export const MY_QUOTE_VIEWS: readonly QuoteView[] = [
  { status: undefined, label: 'All' },
  { status: 'requested', label: 'Waiting for prices' },
  { status: 'priced', label: 'Priced' },
  { status: 'ordered', label: 'Ordered' },
  { status: 'rejected', label: 'Rejected' },
  { status: 'withdrawn', label: 'Withdrawn' },
  { status: 'expired', label: 'Expired' },
];

/** The desk's views: what waits for prices first. */
export const DESK_QUOTE_VIEWS: readonly QuoteView[] = [
  { status: 'requested', label: 'Waiting for prices' },
  { status: 'priced', label: 'Priced' },
  { status: 'ordered', label: 'Ordered' },
  { status: 'rejected', label: 'Rejected' },
  { status: 'withdrawn', label: 'Withdrawn' },
  { status: 'expired', label: 'Expired' },
];

/** Status views as links (paging starts over); the current one is marked. */
export function QuoteTabs({
  views,
  current,
  href,
  label,
}: {
  views: readonly QuoteView[];
  current: QuoteStatus | undefined;
  href: (status: QuoteStatus | undefined) => string;
  label: string;
}) {
  return (
    <Tabs
      className={styles.tabs}
      label={label}
      tabs={views.map((view) => ({
        key: view.label,
        href: href(view.status),
        label: view.label,
        current: view.status === current,
      }))}
    />
  );
}
