import Link from 'next/link';
import type { RouterOutputs } from '@/components/trpc/types';
import { queueEmphasis } from '@/server/domain/staff/queues';
import styles from './queue-cards.module.css';

type Queue = RouterOutputs['staff']['queueCounts'][number];

const EMPHASIS_CLASS = { calm: '', attention: styles.attention, alarm: styles.alarm } as const;

/** The staff queues the member works, each a card with its live count linking to the filtered list. */
export function QueueCards({ queues }: { queues: Queue[] }) {
  const visible = queues.filter((queue): queue is Queue & { count: number } => queue.count !== null);
  if (visible.length === 0) return null;
  return (
    <ul className={styles.cards} aria-label="Work waiting">
      {visible.map((queue) => {
        const emphasis = queueEmphasis(queue.count, queue.urgency);
        return (
          <li key={queue.key}>
            <Link
              href={queue.href}
              className={`${styles.card} ${EMPHASIS_CLASS[emphasis]}`}
              data-testid={`queue-${queue.key}`}
              data-emphasis={emphasis}
            >
              <span className={styles.count} data-testid="queue-count">
                {queue.count}
              </span>
              <span>{queue.label}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
