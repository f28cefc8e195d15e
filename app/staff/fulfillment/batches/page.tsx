import Link from 'next/link';
import { orRefusalPage } from '@/components/shell/refusal';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { LocalTime } from '@/components/ui/local-time';
import { Pager } from '@/components/ui/pager';
import { StatusBadge } from '@/components/ui/status-badge';
import { serverCaller } from '@/server/trpc/server';
import { BackLink } from '@/components/ui/back-link';

export const metadata = { title: 'Pick batches' };

type Props = { searchParams: Promise<{ center?: string; status?: string; page?: string }> };

export default async function PickBatchesPage({ searchParams }: Props) {
  const params = await searchParams;
  const api = await serverCaller();
  const centers = await orRefusalPage(api.fulfillment.centers());
  const center = centers.find((candidate) => candidate.code === params.center?.trim().toUpperCase());
  const page = Math.min(Math.max(1, Number(params.page) || 1), 10_000);
  // "open": batches with something left to ship, as the dashboard counts them.
  const open = params.status === 'open';
  const list = await api.fulfillment.batches({ centerId: center?.id, open: open || undefined, page });
  const href = (p: number) =>
    `/staff/fulfillment/batches?${new URLSearchParams({ ...(center ? { center: center.code } : {}), ...(open ? { status: 'open' } : {}), page: String(p) })}`;
  return (
    <>
      <BackLink href="/staff/fulfillment">Fulfillment</BackLink>
      <h1>Pick batches</h1>
      <p className="lede">Newest first. {list.total} in all.</p>
      <form className="search-form" role="search" aria-label="Filter pick batches" action="/staff/fulfillment/batches">
        <div className="field">
          <label htmlFor="batch-center">Center</label>
          <select id="batch-center" name="center" defaultValue={center?.code ?? ''}>
            <option value="">Every center</option>
            {centers.map((candidate) => (
              <option key={candidate.id} value={candidate.code}>
                {candidate.name} ({candidate.code})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="batch-status">Status</label>
          <select id="batch-status" name="status" defaultValue={open ? 'open' : ''}>
            <option value="">Any status</option>
            <option value="open">In progress</option>
          </select>
        </div>
        <Button type="submit" className="button">
          Filter
        </Button>
      </form>
      <DataTable
        caption="Pick batches"
        rows={list.rows}
        rowKey={(row) => String(row.number)}
        empty="No pick batches match."
        columns={[
          {
            header: 'Batch',
            cell: (row) => <Link href={`/staff/fulfillment/batches/${row.number}`}>Batch {row.number}</Link>,
          },
          { header: 'Center', cell: (row) => `${row.centerName} (${row.centerCode})` },
          { header: 'Orders', cell: (row) => row.orderCount },
          {
            header: 'Status',
            cell: (row) => (
              <StatusBadge tone={row.open ? 'neutral' : 'good'}>{row.open ? 'In progress' : 'Shipped'}</StatusBadge>
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
      <Pager page={page} hasNext={list.hasNext} href={href} />
    </>
  );
}
