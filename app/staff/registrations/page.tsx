import Link from 'next/link';
import { orRefusalPage } from '@/components/shell/refusal';
import { DataTable } from '@/components/ui/data-table';
import { LocalTime } from '@/components/ui/local-time';
import { Pager } from '@/components/ui/pager';
import { FilterSelect, SearchField, SearchForm } from '@/components/ui/search-form';
import { OrganizationStatusBadge } from '@/components/staff/registrations/organization-status-badge';
import { ORGANIZATION_STATUSES, type OrganizationStatus } from '@/server/domain/organizations/status';
import { statusWord } from '@/server/domain/organizations/transitions';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'Registrations' };

type Props = { searchParams: Promise<{ q?: string; status?: string; page?: string }> };

export default async function RegistrationsPage({ searchParams }: Props) {
  const params = await searchParams;
  const search = params.q?.trim().slice(0, 200) || undefined;
  const status = ORGANIZATION_STATUSES.find((value) => value === params.status) as OrganizationStatus | undefined;
  const page = Math.min(Math.max(1, Number(params.page) || 1), 10_000);
  const api = await serverCaller();
  const list = await orRefusalPage(api.registrations.list({ search, status, page }));
  const href = (p: number) =>
    `/staff/registrations?${new URLSearchParams({ ...(search ? { q: search } : {}), ...(status ? { status } : {}), page: String(p) })}`;
  return (
    <>
      <h1>Registrations</h1>
      <p className="lede">Organizations that registered, waiting ones first. {list.total} in all.</p>
      <SearchForm label="Find registrations" submitLabel="Search">
        <SearchField id="q" name="q" label="Name or administrator email" defaultValue={search} maxLength={200} />
        <FilterSelect
          id="status"
          name="status"
          label="Status"
          defaultValue={status}
          anyLabel="Any status"
          options={ORGANIZATION_STATUSES.map((value) => ({ value, label: statusWord(value) }))}
        />
      </SearchForm>
      <DataTable
        rows={list.rows}
        rowKey={(row) => row.id}
        empty="No organizations match."
        columns={[
          { header: 'Organization', cell: (row) => <Link href={`/staff/registrations/${row.id}`}>{row.name}</Link> },
          { header: 'Status', cell: (row) => <OrganizationStatusBadge status={row.status} /> },
          {
            header: 'Administrator',
            cell: (row) => (row.contactName ? `${row.contactName} · ${row.contactEmail}` : '—'),
          },
          { header: 'Representative', cell: (row) => row.representative ?? 'Not assigned' },
          { header: 'Registered', cell: (row) => <LocalTime at={row.createdAt} /> },
        ]}
      />
      <Pager page={page} hasNext={list.hasNext} href={href} />
    </>
  );
}
