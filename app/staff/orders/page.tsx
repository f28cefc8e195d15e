import Link from 'next/link';
import { orRefusalPage } from '@/components/shell/refusal';
import { formatMoney } from '@/components/catalog/money';
import { CaptureFailedBadge, OrderStatusBadge } from '@/components/orders/order-status-badge';
import { Alert } from '@/components/ui/alert';
import { DataTable } from '@/components/ui/data-table';
import { LocalTime } from '@/components/ui/local-time';
import { Pager } from '@/components/ui/pager';
import { FilterSelect, SearchField, SearchForm } from '@/components/ui/search-form';
import { ORDER_STATUS_LABELS, ORDER_STATUSES } from '@/server/domain/orders/state-machine';
import { PAYMENT_METHOD_LABELS } from '@/server/domain/organizations/status';
import { staffOrderListSchema, type StaffOrderListInput } from '@/server/schemas/staff-orders';
import { serverCaller } from '@/server/trpc/server';
import { firstParam, listInputFrom, pageParam, type SearchParams } from '@/server/schemas/list-params';
import { ExportLink } from '@/components/ui/export-link';
import { staffOrderFilterQuery } from '@/server/schemas/list-filters';

export const metadata = { title: 'Orders' };

type Props = { searchParams: Promise<SearchParams> };

/** The filters from the address; a malformed one is left out and named, the rest still apply. */
function filtersOf(params: SearchParams): { input: StaffOrderListInput; problems: string[] } {
  return listInputFrom(staffOrderListSchema, {
    search: firstParam(params.q),
    status: firstParam(params.status),
    organizationId: firstParam(params.org),
    from: firstParam(params.from),
    to: firstParam(params.to),
    captureFailed: firstParam(params.failed) === '1' || undefined,
    page: Math.min(pageParam(params.page), 10_000),
  });
}

export default async function StaffOrdersPage({ searchParams }: Props) {
  const { input, problems } = filtersOf(await searchParams);
  const api = await serverCaller();
  const [list, organizations] = await orRefusalPage(
    Promise.all([api.staffOrders.list(input), api.staffOrders.organizations()]),
  );
  const query: Record<string, string> = Object.fromEntries(
    Object.entries({
      q: input.search,
      status: input.status,
      org: input.organizationId,
      from: input.from,
      to: input.to,
      failed: input.captureFailed ? '1' : undefined,
    }).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  const href = (page: number) => `/staff/orders?${new URLSearchParams({ ...query, page: String(page) })}`;
  const filtered = Object.keys(query).length > 0;
  return (
    <>
      <h1>Orders</h1>
      <p className="lede">
        Every organization’s orders, newest first. Open one for its lines, payment, shipments and full history.
      </p>
      <SearchForm
        label="Find orders"
        action="/staff/orders"
        submitLabel="Filter"
        after={filtered && <Link href="/staff/orders">Clear filters</Link>}
        more={{
          active: Boolean(input.status || input.organizationId || input.from || input.to || input.captureFailed),
          children: (
            <>
              <FilterSelect
                id="orders-status"
                name="status"
                label="Status"
                defaultValue={input.status}
                anyLabel="Any status"
                options={ORDER_STATUSES.map((status) => ({ value: status, label: ORDER_STATUS_LABELS[status] }))}
              />
              <FilterSelect
                id="orders-org"
                name="org"
                label="Organization"
                defaultValue={input.organizationId}
                anyLabel="All organizations"
                options={organizations.map((organization) => ({ value: organization.id, label: organization.name }))}
              />
              <SearchField id="orders-from" name="from" type="date" label="Submitted from" defaultValue={input.from} />
              <SearchField id="orders-to" name="to" type="date" label="Submitted until" defaultValue={input.to} />
              <label className="checkbox" htmlFor="orders-failed">
                <input
                  id="orders-failed"
                  name="failed"
                  type="checkbox"
                  value="1"
                  defaultChecked={input.captureFailed ?? false}
                />{' '}
                Capture failed only
              </label>
            </>
          ),
        }}
      >
        <SearchField
          id="orders-q"
          name="q"
          type="search"
          label="Order or PO number"
          defaultValue={input.search}
          maxLength={40}
        />
      </SearchForm>
      {list.rows.length > 0 && <ExportLink kind="staff-orders" query={staffOrderFilterQuery(input)} />}
      {problems.length > 0 && <Alert tone="error">Some filters were left out: {problems.join(' ')}</Alert>}
      <DataTable
        caption="Orders"
        rows={list.rows}
        rowKey={(row) => row.id}
        empty={filtered ? 'No order matches these filters.' : 'No orders yet.'}
        columns={[
          { header: 'Order', cell: (row) => <Link href={`/staff/orders/${row.number}`}>{row.number}</Link> },
          { header: 'Submitted', cell: (row) => <LocalTime at={row.submittedAt} /> },
          { header: 'Organization', cell: (row) => row.organizationName },
          { header: 'Requester', cell: (row) => row.requesterName },
          {
            header: 'Status',
            cell: (row) => (
              <>
                <OrderStatusBadge status={row.status} />{' '}
                {row.paymentStatus === 'capture_failed' && <CaptureFailedBadge />}
              </>
            ),
          },
          { header: 'Payment', cell: (row) => PAYMENT_METHOD_LABELS[row.paymentMethod] },
          { header: 'Total', cell: (row) => formatMoney(row.totalMinor, row.currency) },
          { header: 'PO number', cell: (row) => row.poNumber ?? '—' },
        ]}
      />
      <Pager page={input.page} hasNext={list.hasNext} href={href} />
    </>
  );
}
