'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import type { NavItem } from './navigation';

/** Something shown after an entry's label (a count), with the entry's accessible name saying it in words. */
export type NavBadge = { content: ReactNode; label: string };

export function NavLinks({
  items,
  label,
  badges,
}: {
  items: NavItem[];
  label: string;
  badges?: Record<string, NavBadge>;
}) {
  const pathname = usePathname();
  const current = (href: string) => (href === '/' || href === '/staff' ? pathname === href : pathname.startsWith(href));
  return (
    <nav className="app-nav" aria-label={label}>
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current(item.href) ? 'page' : undefined}
              aria-label={badges?.[item.href]?.label}
            >
              {item.label}
              {badges?.[item.href]?.content}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
