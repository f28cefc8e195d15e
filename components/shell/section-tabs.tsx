'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The pages of a section (the staff catalog, the ERP import) as buttons; the open one is marked. */
export function SectionTabs({ label, tabs }: { label: string; tabs: readonly { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} style={{ marginBottom: '1rem' }}>
      <ul style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', listStyle: 'none', padding: 0, margin: 0 }}>
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              className={`button button-small${pathname === tab.href ? ' button-primary' : ''}`}
              aria-current={pathname === tab.href ? 'page' : undefined}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
