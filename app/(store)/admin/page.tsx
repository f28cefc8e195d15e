import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { ADMIN_SECTIONS, visibleNav } from '@/components/shell/navigation';
import { getMe } from '@/components/shell/me';

export const metadata = { title: 'Administration' };

export default async function AdminPage() {
  const me = await getMe();
  const permissions = me?.membership?.permissions ?? [];
  const sections = visibleNav(ADMIN_SECTIONS, permissions);
  if (sections.length === 0) forbidden();
  return (
    <>
      <h1>Administration</h1>
      <div className="grid">
        {sections.map((section) => (
          <Link key={section.href} href={section.href} className="card">
            {section.label}
          </Link>
        ))}
      </div>
    </>
  );
}
