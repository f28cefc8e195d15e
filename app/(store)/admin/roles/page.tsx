import { forbidden } from 'next/navigation';
import { RolesList } from '@/components/admin/roles/roles-list';
import { getMe } from '@/components/shell/me';
import { BackLink } from '@/components/ui/back-link';

export const metadata = { title: 'Roles and permissions' };

export default async function RolesPage({ searchParams }: { searchParams: Promise<{ saved?: string | string[] }> }) {
  const me = await getMe();
  if (!me?.membership?.permissions.includes('org.roles.manage')) forbidden();
  const { saved } = await searchParams;
  return (
    <>
      <BackLink href="/admin">Administration</BackLink>
      <h1>Roles and permissions</h1>
      <p className="lede">
        A role is a named set of permissions. A member may hold several; what they may do is everything their roles
        allow, within the flags on their account (such as “may see prices”).
      </p>
      <RolesList savedId={typeof saved === 'string' ? saved : undefined} />
    </>
  );
}
