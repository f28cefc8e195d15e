import Link from 'next/link';
import { formatMoney } from '@/components/catalog/money';
import { HistoryPager } from '@/components/orders/history-pager';
import { OrderStatusBadge } from '@/components/orders/order-status-badge';
import { getMe } from '@/components/shell/me';
import { orRefusalPage } from '@/components/shell/refusal';
import { DataTable, type Column } from '@/components/ui/data-table';
import { LocalTime } from '@/components/ui/local-time';
import { DISPLAY_STATUS_LABELS, DISPLAY_STATUSES } from '@/server/domain/orders/display-status';
import { orderListSchema } from '@/server/schemas/order-history';
import { serverCaller } from '@/server/trpc/server';
import type { RouterOutputs } from '@/components/trpc/types';
import { FilterSelect, SearchField, SearchForm } from '@/components/ui/search-form';
import { firstParam, listInputFrom, type SearchParams } from '@/server/schemas/list-params';
import { orderFilterQuery } from '@/server/schemas/list-filters';
import { ExportLink } from '@/components/ui/export-link';

export const metadata = { title: 'Orders' };

type Props = { searchParams: Promise<SearchParams> };
type Row = RouterOutputs['orders']['list']['rows'][number];

const SCOPE_LEDE = {
  own: 'Your orders, newest first.',
  unit: 'Orders of your unit and the units below it, newest first.',
  org: 'All orders of your organization, newest first.',
} as const;

export default async function OrdersPage({ searchParams }: Props) {
  const params = await searchParams;
  const after = firstParam(params.after);
  // Unknown or malformed filters are dropped rather than answered with an error page.
  const { input } = listInputFrom(orderListSchema, {
    search: firstParam(params.q),
    status: firstParam(params.status),
    cursor: after ?? firstParam(params.before),
    direction: after ? 'newer' : 'older',
  });
  const [list, me] = await Promise.all([orRefusalPage((await serverCaller()).orders.list(input)), getMe()]);
  const maySeePrices = me?.membership?.permissions.includes('prices.view') ?? false;
  const filtered = Boolean(input.search || input.status || input.cursor);
  const columns: Column<Row>[] = [
    { header: 'Order', cell: (row) => <Link href={`/orders/${encodeURIComponent(row.number)}`}>{row.number}</Link> },
    { header: 'Placed', cell: (row) => <LocalTime at={row.submittedAt} /> },
    { header: 'Status', cell: (row) => <OrderStatusBadge status={row.status} /> },
    ...(list.scope === 'own' ? [] : [{ header: 'Ordered by', cell: (row: Row) => row.requesterName ?? '—' }]),
    { header: 'PO number', cell: (row) => row.poNumber ?? '—' },
    { header: 'Items', cell: (row) => row.itemCount },
    ...(maySeePrices
      ? [
          {
            header: 'Total',
            cell: (row: Row) => (row.total ? formatMoney(row.total.amountMinor, row.total.currency) : '—'),
          },
        ]
      : []),
  ];
  return (
    <>
      <h1>Orders</h1>
      <p className="lede">{SCOPE_LEDE[list.scope]}</p>
      {list.scope === 'org' && maySeePrices && (
        <p>
          <Link className="link-target" href="/account/statement">
            Account credit and statement
          </Link>
        </p>
      )}
      <SearchForm label="Find orders" action="/orders" submitLabel="Filter">
        <SearchField
          id="orders-q"
          name="q"
          type="search"
          label="Order or PO number"
          defaultValue={input.search}
          maxLength={40}
        />
        <FilterSelect
          id="orders-status"
          name="status"
          label="Status"
          defaultValue={input.status}
          anyLabel="Any status"
          options={DISPLAY_STATUSES.map((status) => ({ value: status, label: DISPLAY_STATUS_LABELS[status] }))}
        />
      </SearchForm>
      {list.rows.length > 0 && <ExportLink kind="orders" query={orderFilterQuery(input)} />}
      {!filtered && list.rows.length === 0 ? (
        <section className="card">
          <h2>No orders yet</h2>
          <p>
            Orders appear here once they are placed. Find products in the <Link href="/catalog">catalog</Link>.
          </p>
        </section>
      ) : (
        <DataTable
          caption="Orders"
          rows={list.rows}
          rowKey={(row) => row.id}
          empty="No order matches. Try another number or status."
          columns={columns}
        />
      )}
      <HistoryPager
        base="/orders"
        query={{ q: input.search, status: input.status }}
        newerCursor={list.newerCursor}
        olderCursor={list.olderCursor}
      />
    </>
  );
}
