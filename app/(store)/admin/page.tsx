import { forbidden } from 'next/navigation';
import { AdminSections } from '@/components/admin/admin-sections';
import { ADMIN_SECTIONS, visibleNav } from '@/components/shell/navigation';
import { getMe } from '@/components/shell/me';
import { orRefusalPage } from '@/components/shell/refusal';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'Administration' };

export default async function AdminPage() {
  const me = await getMe();
  const permissions = me?.membership?.permissions ?? [];
  const sections = visibleNav(ADMIN_SECTIONS, permissions);
  if (sections.length === 0) forbidden();
  const counts = await orRefusalPage((await serverCaller()).organization.administrationCounts());
  return (
    <>
      <h1>Administration</h1>
      <AdminSections sections={sections} counts={counts} />
    </>
  );
}
