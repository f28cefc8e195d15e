import Link from 'next/link';
import { formatQuoteDate } from '@/components/quotes/quote-lines';
import { QuoteStatusBadge } from '@/components/quotes/quote-status-badge';
import { MY_QUOTE_VIEWS, QuoteTabs } from '@/components/quotes/quote-tabs';
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
type Row = RouterOutputs['quotes']['list']['rows'][number];

function href(status: QuoteStatus | undefined, page = 1) {
  const query = new URLSearchParams();
  if (status) query.set('status', status);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `/quotes?${text}` : '/quotes';
}

/** The member's quotes, newest first, by status. */
export default async function QuotesPage({ searchParams }: Props) {
  await signedInOrSignIn();
  const params = await searchParams;
  // An unknown status or page is dropped rather than answered with an error page.
  const { input } = listInputFrom(quoteListSchema, { status: firstParam(params.status), page: pageParam(params.page) });
  const list = await orRefusalPage((await serverCaller()).quotes.list(input));
  const columns: Column<Row>[] = [
    { header: 'Quote', cell: (row) => <Link href={`/quotes/${encodeURIComponent(row.number)}`}>{row.number}</Link> },
    { header: 'Requested', cell: (row) => <LocalTime at={row.requestedAt} /> },
    { header: 'Status', cell: (row) => <QuoteStatusBadge status={row.status} /> },
    {
      header: 'Prices hold until',
      cell: (row) => (row.status === 'priced' || row.status === 'expired' ? formatQuoteDate(row.validUntil) : '—'),
    },
  ];
  const empty = !input.status && input.page === 1 && list.total === 0;
  return (
    <>
      <h1>Quotes</h1>
      <p className="lede">
        Prices your account representative makes for a cart of yours, newest first. Order a priced quote before its
        date.
      </p>
      <QuoteTabs
        views={MY_QUOTE_VIEWS}
        current={input.status}
        href={(status) => href(status)}
        label="Quotes by status"
      />
      {empty ? (
        <section className="card">
          <h2>No quotes yet</h2>
          <p>
            Fill your <Link href="/cart">cart</Link> and choose “Ask for a quote” there: your representative prices each
            line and you order at those prices.
          </p>
        </section>
      ) : (
        <>
          <p data-testid="quote-count">{list.total === 1 ? '1 quote' : `${list.total} quotes`}</p>
          <DataTable
            caption="Quotes"
            rows={list.rows}
            rowKey={(row) => row.number}
            empty="No quote in this state."
            columns={columns}
          />
        </>
      )}
      <Pager
        page={input.page}
        hasNext={input.page * list.pageSize < list.total}
        href={(page) => href(input.status, page)}
      />
    </>
  );
}
