import { orRefusalPage } from '@/components/shell/refusal';
import { DataTable } from '@/components/ui/data-table';
import { LocalTime } from '@/components/ui/local-time';
import { Pager } from '@/components/ui/pager';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'History of changes' };

export default async function HistoryPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const page = Math.min(Math.max(1, Number((await searchParams).page) || 1), 10_000);
  const history = await orRefusalPage((await serverCaller()).auditHistory.list({ page }));
  return (
    <>
      <h1>History of changes</h1>
      <p className="lede">Who changed members, roles, units and joining, newest first. {history.total} in all.</p>
      <DataTable
        rows={history.rows}
        rowKey={(row) => row.id}
        empty="Nothing has changed yet."
        columns={[
          { header: 'When', cell: (row) => <LocalTime at={row.createdAt} /> },
          { header: 'Who', cell: (row) => row.actorName },
          { header: 'What', cell: (row) => row.what },
        ]}
      />
      <Pager page={page} hasNext={history.hasNext} href={(p) => `/admin/history?page=${p}`} />
    </>
  );
}
