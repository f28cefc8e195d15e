import { redirect } from 'next/navigation';
import { headers } from 'next/headers';
import { BulkApprove } from '@/components/authorizations/bulk-approve';
import { InboxFilters } from '@/components/authorizations/inbox-filters';
import { InboxList } from '@/components/authorizations/inbox-list';
import { inboxHref, inboxInputFrom, INBOX_VIEWS, isFiltered } from '@/components/authorizations/inbox-params';
import type { SearchParams } from '@/server/schemas/list-params';
import { InboxTabs } from '@/components/authorizations/inbox-tabs';
import { NotifyMeOnInbox } from '@/components/push/notify-me';
import { getMe, getWaitingCount } from '@/components/shell/me';
import { orRefusalPage } from '@/components/shell/refusal';
import { Pager } from '@/components/ui/pager';
import styles from '@/components/authorizations/authorizations.module.css';
import { RETURN_PATH_HEADER, signInPathFor } from '@/server/auth/return-path';
import { serverCaller } from '@/server/trpc/server';
import { ExportLink } from '@/components/ui/export-link';
import { inboxFilterQuery } from '@/server/schemas/list-filters';

export const metadata = { title: 'Authorizations' };

type Props = { searchParams: Promise<SearchParams> };

/** The authorizer's inbox: orders waiting for their decision, and those they approved or declined. */
export default async function AuthorizationsPage({ searchParams }: Props) {
  if (!(await getMe())) redirect(signInPathFor((await headers()).get(RETURN_PATH_HEADER)));
  const input = inboxInputFrom(await searchParams);
  const caller = await serverCaller();
  const [inbox, requesters, waiting] = await orRefusalPage(
    Promise.all([caller.authorizations.inbox(input), caller.authorizations.requesters(), getWaitingCount()]),
  );
  const view = INBOX_VIEWS.find((candidate) => candidate.state === input.state) ?? INBOX_VIEWS[0];
  const filtered = isFiltered(input);
  const lastPage = Math.max(1, Math.ceil(inbox.total / inbox.pageSize));
  return (
    <>
      <div className={styles.heading}>
        <h1>Authorizations</h1>
        <NotifyMeOnInbox />
      </div>
      <p className="lede">Orders waiting for your approval, newest first.</p>
      <InboxTabs input={input} waiting={waiting ?? 0} />
      <InboxFilters input={input} requesters={requesters} />
      {input.from && input.to && input.from > input.to && (
        <p className="field-error" role="alert">
          The “from” date is after the “to” date, so no order can match.
        </p>
      )}
      {inbox.total > 0 && (
        <p className="lede" data-testid="inbox-count">
          {inbox.total === 1 ? '1 order' : `${inbox.total.toLocaleString('en-US')} orders`}
          {lastPage > 1 && ` · page ${Math.min(input.page, lastPage)} of ${lastPage}`}
        </p>
      )}
      {inbox.total > 0 && <ExportLink kind="approvals" query={inboxFilterQuery(input)} />}
      {input.state === 'pending' && <BulkApprove formId="bulk-approve" rowCount={inbox.rows.length} />}
      <InboxList
        selectFormId={input.state === 'pending' ? 'bulk-approve' : undefined}
        rows={inbox.rows}
        state={input.state}
        empty={filtered ? 'No order matches these filters.' : (view?.empty ?? 'No orders.')}
        clearHref={filtered ? inboxHref({ state: input.state }) : null}
      />
      <Pager
        page={input.page}
        hasNext={input.page * inbox.pageSize < inbox.total}
        href={(page) => inboxHref({ ...input, page })}
      />
    </>
  );
}
