import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { RoleForm } from '@/components/admin/roles/role-form';
import { getMe } from '@/components/shell/me';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'New role' };

export default async function NewRolePage() {
  const me = await getMe();
  if (!me?.membership?.permissions.includes('org.roles.manage')) forbidden();
  const { yourGrants } = await (await serverCaller()).roles.list();
  return (
    <>
      <p>
        <Link href="/admin/roles">← Roles and permissions</Link>
      </p>
      <h1>New role</h1>
      <section className="card">
        <RoleForm yourGrants={yourGrants} />
      </section>
    </>
  );
}
