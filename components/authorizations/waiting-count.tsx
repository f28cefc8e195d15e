import styles from './authorizations.module.css';

/** The menu entry's accessible name with its count, e.g. "Authorizations, 3 waiting". */
export const waitingLabel = (label: string, count: number) => `${label}, ${count} waiting`;

/** The count beside "Authorizations" in the menu: orders waiting for this member's decision. */
export function WaitingCount({ count }: { count: number }) {
  return (
    <span className={styles.navCount} data-testid="authorizations-waiting">
      {count > 99 ? '99+' : count}
    </span>
  );
}
