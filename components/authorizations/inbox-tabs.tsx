import { Tabs } from '@/components/ui/tabs';
import type { InboxInput } from '@/server/schemas/authorizations';
import styles from './authorizations.module.css';
import { inboxHref, INBOX_VIEWS } from './inbox-params';

/** The inbox's views as links (the filters stay, paging starts over); the current one is marked. */
export function InboxTabs({ input, waiting }: { input: InboxInput; waiting: number }) {
  return (
    <Tabs
      className={styles.tabs}
      label="Authorizations by state"
      tabs={INBOX_VIEWS.map((view) => ({
        key: view.state,
        href: inboxHref({ ...input, state: view.state, page: 1 }),
        label: (
          <>
            {view.label}
            {view.state === 'pending' && waiting > 0 && ` (${waiting})`}
          </>
        ),
        current: view.state === input.state,
      }))}
    />
  );
}
