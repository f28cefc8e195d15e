import { forbidden } from 'next/navigation';
import { ADMIN_SECTIONS, visibleNav } from '@/components/shell/navigation';
import { getMe } from '@/components/shell/me';
import { SectionLinks } from '@/components/shell/section-links';

export const metadata = { title: 'Administration' };

export default async function AdminPage() {
  const me = await getMe();
  const permissions = me?.membership?.permissions ?? [];
  const sections = visibleNav(ADMIN_SECTIONS, permissions);
  if (sections.length === 0) forbidden();
  return (
    <>
      <h1>Administration</h1>
      <SectionLinks sections={sections} />
    </>
  );
}
