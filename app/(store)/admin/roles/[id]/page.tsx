import { TRPCError } from '@trpc/server';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { GrantList } from '@/components/admin/roles/grant-list';
import { RoleForm } from '@/components/admin/roles/role-form';
import { getMe } from '@/components/shell/me';
import { serverCaller } from '@/server/trpc/server';
import { BackLink } from '@/components/ui/back-link';

export const metadata = { title: 'Role' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function load(roleId: string) {
  if (!UUID.test(roleId)) notFound();
  try {
    return await (await serverCaller()).roles.get({ roleId });
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

export default async function RolePage({ params }: { params: Promise<{ id: string }> }) {
  const me = await getMe();
  if (!me?.membership?.permissions.includes('org.roles.manage')) forbidden();
  const { id } = await params;
  const { role, yourGrants } = await load(id);
  const held = role.memberCount === 1 ? 'Held by 1 member.' : `Held by ${role.memberCount} members.`;
  return (
    <>
      <BackLink href="/admin/roles">Roles and permissions</BackLink>
      <h1>{role.predefined ? role.name : `Edit ${role.name}`}</h1>
      <p className="lede">
        {role.predefined && <span className="badge">predefined</span>} {held}
        {!role.predefined && role.memberCount > 0 && ' They get your changes on their next request.'}
      </p>
      <section className="card">
        {role.predefined ? (
          <>
            {role.description && <p>{role.description}</p>}
            <GrantList grants={role.grants} />
            <p className="field-hint" style={{ marginTop: '0.75rem' }}>
              Predefined roles cannot be changed. <Link href="/admin/roles/new">Make a custom role</Link> with the
              permissions you need.
            </p>
          </>
        ) : (
          <RoleForm
            role={{ id: role.id, name: role.name, description: role.description, grants: role.grants }}
            yourGrants={yourGrants}
          />
        )}
      </section>
    </>
  );
}
