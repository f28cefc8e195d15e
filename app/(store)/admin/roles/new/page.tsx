import { forbidden } from 'next/navigation';
import { RoleForm } from '@/components/admin/roles/role-form';
import { getMe } from '@/components/shell/me';
import { serverCaller } from '@/server/trpc/server';
import { BackLink } from '@/components/ui/back-link';

export const metadata = { title: 'New role' };

export default async function NewRolePage() {
  const me = await getMe();
  if (!me?.membership?.permissions.includes('org.roles.manage')) forbidden();
  const { yourGrants } = await (await serverCaller()).roles.list();
  return (
    <>
      <BackLink href="/admin/roles">Roles and permissions</BackLink>
      <h1>New role</h1>
      <section className="card">
        <RoleForm yourGrants={yourGrants} />
      </section>
    </>
  );
}
