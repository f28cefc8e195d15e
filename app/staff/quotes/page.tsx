import Link from 'next/link';
import { QuoteStatusBadge } from '@/components/quotes/quote-status-badge';
import { DESK_QUOTE_VIEWS, QuoteTabs } from '@/components/quotes/quote-tabs';
import { signedInOrSignIn } from '@/components/shell/signed-in';
import { orRefusalPage } from '@/components/shell/refusal';
import type { RouterOutputs } from '@/components/trpc/types';
import { DataTable, type Column } from '@/components/ui/data-table';
import { LocalTime } from '@/components/ui/local-time';
import { Pager } from '@/components/ui/pager';
import type { QuoteStatus } from '@/server/domain/quotes/status';
import { quoteListSchema } from '@/server/schemas/quotes';
import { serverCaller } from '@/server/trpc/server';
import { firstParam, listInputFrom, pageParam, type SearchParams } from '@/server/schemas/list-params';

export const metadata = { title: 'Quotes' };

type Props = { searchParams: Promise<SearchParams> };
type Row = RouterOutputs['staffQuotes']['list']['rows'][number];

function href(status: QuoteStatus | undefined, page = 1) {
  const query = new URLSearchParams();
  if (status && status !== 'requested') query.set('status', status);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `/staff/quotes?${text}` : '/staff/quotes';
}

/** The quotes desk: requests waiting for prices first, oldest first; the other states newest first. */
export default async function StaffQuotesPage({ searchParams }: Props) {
  await signedInOrSignIn();
  const params = await searchParams;
  const { input } = listInputFrom(quoteListSchema, { status: firstParam(params.status), page: pageParam(params.page) });
  const status = input.status ?? 'requested';
  const list = await orRefusalPage((await serverCaller()).staffQuotes.list(input));
  const columns: Column<Row>[] = [
    {
      header: 'Quote',
      cell: (row) => <Link href={`/staff/quotes/${encodeURIComponent(row.number)}`}>{row.number}</Link>,
    },
    { header: 'Organization', cell: (row) => row.organizationName },
    { header: 'Requester', cell: (row) => row.requesterName },
    { header: 'Requested', cell: (row) => <LocalTime at={row.requestedAt} /> },
    { header: 'Status', cell: (row) => <QuoteStatusBadge status={row.status} /> },
  ];
  return (
    <>
      <h1>Quotes</h1>
      <p className="lede">
        {status === 'requested'
          ? list.total === 0
            ? 'No quote waits for prices.'
            : `${list.total === 1 ? '1 quote waits' : `${list.total} quotes wait`} for prices, oldest first.`
          : `${list.total === 1 ? '1 quote' : `${list.total} quotes`}, newest first.`}{' '}
        Price each line, or reject the request with a reason; the buyer is emailed either way.
      </p>
      <QuoteTabs views={DESK_QUOTE_VIEWS} current={status} href={(view) => href(view)} label="Quotes by status" />
      <DataTable
        caption="Quotes"
        rows={list.rows}
        rowKey={(row) => row.number}
        empty={status === 'requested' ? 'Nothing to price right now.' : 'No quote in this state.'}
        columns={columns}
      />
      <Pager page={input.page} hasNext={input.page * list.pageSize < list.total} href={(page) => href(status, page)} />
    </>
  );
}
