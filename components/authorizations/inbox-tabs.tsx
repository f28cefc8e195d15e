import Link from 'next/link';
import type { InboxInput } from '@/server/schemas/authorizations';
import styles from './authorizations.module.css';
import { inboxHref, INBOX_VIEWS } from './inbox-params';

/** The inbox's views as links (the filters stay, paging starts over); the current one is marked. */
export function InboxTabs({ input, waiting }: { input: InboxInput; waiting: number }) {
  return (
    <nav className={styles.tabs} aria-label="Authorizations by state">
      <ul>
        {INBOX_VIEWS.map((view) => (
          <li key={view.state}>
            <Link
              href={inboxHref({ ...input, state: view.state, page: 1 })}
              aria-current={view.state === input.state ? 'page' : undefined}
            >
              {view.label}
              {view.state === 'pending' && waiting > 0 && ` (${waiting})`}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
