import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { ADMIN_SECTIONS } from '@/components/shell/navigation';
import { getMe } from '@/components/shell/me';

export const metadata = { title: 'Administration' };

export default async function AdminPage() {
  const me = await getMe();
  const permissions = me?.membership?.permissions ?? [];
  const sections = ADMIN_SECTIONS.filter((section) => !section.permission || permissions.includes(section.permission));
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
