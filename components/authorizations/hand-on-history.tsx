import { LocalTime } from '@/components/ui/local-time';
import styles from './question-thread.module.css';

type Event = { id: string; kind: string; at: Date; message: string };

/** The steps handed on, from the order's history: "Paula handed this to Dana: on leave until Monday". */
export function HandOnHistory({ events }: { events: readonly Event[] }) {
  const handed = events.filter((event) => event.kind === 'approval_handed_on');
  if (handed.length === 0) return null;
  return (
    <ul className={styles.messages} aria-label="Handed on">
      {handed.map((event) => (
        <li key={event.id} className={styles.question} data-testid="handed-on">
          <p className={styles.body}>{event.message}</p>
          <p className={styles.meta}>
            <LocalTime at={event.at} />
          </p>
        </li>
      ))}
    </ul>
  );
}
