import Link from 'next/link';
import { QueueBatcher } from '@/components/fulfillment/queue-batcher';
import { orRefusalPage } from '@/components/shell/refusal';
import { DataTable } from '@/components/ui/data-table';
import { LocalTime, viewerTimeZone } from '@/components/ui/local-time';
import { Pager } from '@/components/ui/pager';
import { SearchField, SearchForm } from '@/components/ui/search-form';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'Fulfillment' };

type Props = { searchParams: Promise<{ center?: string; q?: string; page?: string }> };

export default async function FulfillmentPage({ searchParams }: Props) {
  const params = await searchParams;
  const api = await serverCaller();
  const centers = await orRefusalPage(api.fulfillment.centers());
  const wanted = params.center?.trim().toUpperCase();
  const center =
    centers.find((candidate) => candidate.code === wanted) ??
    centers.find((candidate) => candidate.waitingOrders > 0) ??
    centers[0];
  const page = Math.min(Math.max(1, Number(params.page) || 1), 10_000);
  const search = params.q?.trim().slice(0, 100) || undefined;
  const [queue, batches] = center
    ? await Promise.all([
        api.fulfillment.queue({ centerId: center.id, search, page }),
        api.fulfillment.batches({ centerId: center.id, pageSize: 10 }),
      ])
    : [null, null];
  const href = (p: number) =>
    `/staff/fulfillment?${new URLSearchParams({ center: center?.code ?? '', ...(search ? { q: search } : {}), page: String(p) })}`;
  return (
    <>
      <h1>Fulfillment</h1>
      <p className="lede">
        Released orders wait at each fulfillment center until they are put in a pick batch. Print the batch&apos;s pick
        ticket and packing slips, pack the orders into packages and confirm each shipment with its carrier and tracking
        number.
      </p>
      <section aria-labelledby="centers-heading">
        <h2 id="centers-heading">Fulfillment centers</h2>
        {centers.length === 0 && <p>There are no fulfillment centers yet.</p>}
        <ul className="grid" style={{ listStyle: 'none', padding: 0 }}>
          {centers.map((candidate) => (
            <li key={candidate.id} className="card">
              <h3 style={{ marginTop: 0 }}>
                {candidate.name} ({candidate.code})
              </h3>
              <p>
                <span className="stat">{candidate.waitingOrders}</span>{' '}
                {candidate.waitingOrders === 1 ? 'order' : 'orders'} waiting · {candidate.openBatches} open{' '}
                {candidate.openBatches === 1 ? 'batch' : 'batches'}
              </p>
              <Link
                href={`/staff/fulfillment?center=${encodeURIComponent(candidate.code)}`}
                aria-current={candidate.id === center?.id ? 'page' : undefined}
              >
                {candidate.id === center?.id
                  ? `Showing the queue at ${candidate.code}`
                  : `Show the queue at ${candidate.code}`}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      {center && queue && batches && (
        <>
          <section aria-labelledby="queue-heading">
            <h2 id="queue-heading">
              Waiting at {center.name} ({center.code})
            </h2>
            <p>
              {queue.total} released {queue.total === 1 ? 'order is' : 'orders are'} waiting
              {search ? ` matching “${search}”` : ''}, oldest first. Tick the orders to pick together and create a
              batch.
            </p>
            <SearchForm label={`Find waiting orders at ${center.code}`} action="/staff/fulfillment" submitLabel="Find">
              <input type="hidden" name="center" value={center.code} />
              <SearchField
                id="queue-q"
                name="q"
                type="search"
                label="Order number or organization"
                defaultValue={search}
                maxLength={100}
              />
            </SearchForm>
            <QueueBatcher
              key={`${center.id}:${search ?? ''}:${page}`}
              queue={queue}
              timeZone={await viewerTimeZone()}
            />
            <Pager page={page} hasNext={queue.hasNext} href={href} />
          </section>
          <section aria-labelledby="batches-heading">
            <h2 id="batches-heading">Recent pick batches at {center.code}</h2>
            <DataTable
              caption={`Recent pick batches at ${center.code}`}
              rows={batches.rows}
              rowKey={(row) => String(row.number)}
              empty={`No pick batches at ${center.code} yet.`}
              columns={[
                {
                  header: 'Batch',
                  cell: (row) => <Link href={`/staff/fulfillment/batches/${row.number}`}>Batch {row.number}</Link>,
                },
                { header: 'Orders', cell: (row) => row.orderCount },
                {
                  header: 'Status',
                  cell: (row) => (
                    <span className={`badge ${row.open ? '' : 'badge-good'}`}>{row.open ? 'Open' : 'Shipped'}</span>
                  ),
                },
                {
                  header: 'Created',
                  cell: (row) => (
                    <>
                      <LocalTime at={row.createdAt} />
                      {row.createdBy ? ` by ${row.createdBy}` : ''}
                    </>
                  ),
                },
              ]}
            />
            <p>
              <Link
                className="link-target"
                href={`/staff/fulfillment/batches?center=${encodeURIComponent(center.code)}`}
              >
                All pick batches at {center.code}
              </Link>
            </p>
          </section>
        </>
      )}
    </>
  );
}
