'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const TABS = [
  { href: '/staff/erp', label: 'Import' },
  { href: '/staff/erp/contacts', label: 'Contacts' },
  { href: '/staff/erp/excluded', label: 'Excluded customers' },
  { href: '/staff/erp/keys', label: 'Feed keys' },
];

/** The pages of the ERP section. */
export function ErpTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="ERP customers" style={{ marginBottom: '1rem' }}>
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
