import type { ReactNode } from 'react';
import type { StatusTone } from '@/server/domain/orders/payment-words';
import styles from './status-badge.module.css';

/** How a status reads at a glance: done, waiting on someone, stopped, or still on its way. */
export type BadgeTone = StatusTone;

const TONE_CLASS: Record<BadgeTone, string> = {
  good: 'badge-good',
  bad: 'badge-bad',
  warn: styles.warn ?? '',
  neutral: '',
};

/** A status as a small coloured label; each domain says which tone its statuses take. */
export function StatusBadge({ tone, children, testId }: { tone: BadgeTone; children: ReactNode; testId?: string }) {
  return (
    <span className={`badge ${TONE_CLASS[tone]}`} data-testid={testId}>
      {children}
    </span>
  );
}
