import Link from 'next/link';
import { orRefusalPage } from '@/components/shell/refusal';
import { MemberStatusBadge } from '@/components/admin/members/member-status';
import { DataTable } from '@/components/ui/data-table';
import { Pager } from '@/components/ui/pager';
import { FilterSelect, SearchField, SearchForm } from '@/components/ui/search-form';
import { MEMBER_STATUS_LABELS, MEMBER_STATUSES } from '@/server/domain/access/members';
import { MEMBER_FLAG_LABELS, MEMBER_FLAGS, memberListSchema } from '@/server/schemas/members';
import { firstParam, listInputFrom, pageParam, type SearchParams } from '@/server/schemas/list-params';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'Users and sub-accounts' };

type Props = { searchParams: Promise<SearchParams> };

export default async function MembersPage({ searchParams }: Props) {
  const params = await searchParams;
  const { input } = listInputFrom(memberListSchema, {
    search: firstParam(params.q),
    unitId: firstParam(params.unit),
    roleId: firstParam(params.role),
    flag: firstParam(params.flag),
    status: firstParam(params.status),
    page: pageParam(params.page),
  });
  const api = await serverCaller();
  const [list, options] = await orRefusalPage(Promise.all([api.members.list(input), api.members.options()]));
  const query = { q: input.search, unit: input.unitId, role: input.roleId, flag: input.flag, status: input.status };
  const href = (page: number) =>
    `/admin/members?${new URLSearchParams({ ...Object.fromEntries(Object.entries(query).filter(([, v]) => v)), page: String(page) } as Record<string, string>)}`;
  return (
    <>
      <h1>Users and sub-accounts</h1>
      <p className="actions">
        <Link className="button button-primary" href="/admin/members/new">
          Add a sub-account
        </Link>
        <span className="lede">{list.total} found.</span>
      </p>
      <SearchForm label="Find users" submitLabel="Filter">
        <SearchField id="q" name="q" label="Name or email" defaultValue={input.search} maxLength={200} />
        <FilterSelect
          id="unit"
          name="unit"
          label="Unit"
          defaultValue={input.unitId}
          anyLabel="Any unit"
          options={options.units.map((unit) => ({ value: unit.id, label: unit.name }))}
        />
        <FilterSelect
          id="role"
          name="role"
          label="Role"
          defaultValue={input.roleId}
          anyLabel="Any role"
          options={options.roles.map((role) => ({ value: role.id, label: role.name }))}
        />
        <FilterSelect
          id="flag"
          name="flag"
          label="Flag"
          defaultValue={input.flag}
          anyLabel="Any"
          options={MEMBER_FLAGS.map((flag) => ({ value: flag, label: MEMBER_FLAG_LABELS[flag] }))}
        />
        <FilterSelect
          id="status"
          name="status"
          label="Status"
          defaultValue={input.status}
          anyLabel="Any status"
          options={MEMBER_STATUSES.map((status) => ({ value: status, label: MEMBER_STATUS_LABELS[status] }))}
        />
      </SearchForm>
      <DataTable
        rows={list.rows}
        rowKey={(row) => row.id}
        empty="No one matches."
        columns={[
          { header: 'Name', cell: (row) => <Link href={`/admin/members/${row.id}`}>{row.name}</Link> },
          { header: 'Email', cell: (row) => row.email },
          { header: 'Unit', cell: (row) => row.unitName },
          { header: 'Roles', cell: (row) => row.roleNames.join(', ') || '—' },
          {
            header: 'Flags',
            cell: (row) =>
              MEMBER_FLAGS.filter((flag) => row[flag])
                .map((flag) => MEMBER_FLAG_LABELS[flag])
                .join(', ') || '—',
          },
          {
            header: 'Status',
            cell: (row) => (
              <MemberStatusBadge
                membershipStatus={row.membershipStatus}
                activated={row.activated}
                userStatus={row.userStatus}
              />
            ),
          },
        ]}
      />
      <Pager page={input.page} hasNext={list.hasNext} href={href} />
    </>
  );
}
