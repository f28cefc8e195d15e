import type { ReactNode } from 'react';

/** How a status reads at a glance: done, stopped, or still on its way. */
export type BadgeTone = 'good' | 'bad' | 'neutral';

const TONE_CLASS: Record<BadgeTone, string> = { good: 'badge-good', bad: 'badge-bad', neutral: '' };

/** A status as a small coloured label; each domain says which tone its statuses take. */
export function StatusBadge({ tone, children, testId }: { tone: BadgeTone; children: ReactNode; testId?: string }) {
  return (
    <span className={`badge ${TONE_CLASS[tone]}`} data-testid={testId}>
      {children}
    </span>
  );
}
