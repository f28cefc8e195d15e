'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const TABS = [
  { href: '/staff/catalog', label: 'Products' },
  { href: '/staff/catalog/new', label: 'New product' },
  { href: '/staff/catalog/import', label: 'Import CSV' },
];

/** The pages of the staff catalog section. */
export function CatalogTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Catalog" style={{ marginBottom: '1rem' }}>
      <ul style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', listStyle: 'none', padding: 0, margin: 0 }}>
        {TABS.map((tab) => (
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
