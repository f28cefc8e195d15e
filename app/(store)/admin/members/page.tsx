import Link from 'next/link';
import { orRefusalPage } from '@/components/shell/refusal';
import { MemberStatusBadge } from '@/components/admin/members/member-status';
import { DataTable } from '@/components/ui/data-table';
import { Pager } from '@/components/ui/pager';
import { MEMBER_STATUSES } from '@/server/domain/access/members';
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
      <form className="search-form" role="search" aria-label="Find users">
        <div className="field">
          <label htmlFor="q">Name or email</label>
          <input id="q" name="q" defaultValue={input.search} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="unit">Unit</label>
          <select id="unit" name="unit" defaultValue={input.unitId ?? ''}>
            <option value="">Any unit</option>
            {options.units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="role">Role</label>
          <select id="role" name="role" defaultValue={input.roleId ?? ''}>
            <option value="">Any role</option>
            {options.roles.map((role) => (
              <option key={role.id} value={role.id}>
                {role.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="flag">Flag</label>
          <select id="flag" name="flag" defaultValue={input.flag ?? ''}>
            <option value="">Any</option>
            {MEMBER_FLAGS.map((flag) => (
              <option key={flag} value={flag}>
                {MEMBER_FLAG_LABELS[flag]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={input.status ?? ''}>
            <option value="">Any status</option>
            {MEMBER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Filter
        </button>
      </form>
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
