import Link from 'next/link';
import type { ReactNode } from 'react';

/** One view of a list: its link (filters kept, paging started over) and whether it is the one shown. */
export type Tab = { key: string; href: string; label: ReactNode; current: boolean };

/** A list's views as links; the current one is marked for the eye (by `className`) and for readers. */
export function Tabs({ label, tabs, className }: { label: string; tabs: readonly Tab[]; className?: string }) {
  return (
    <nav className={className} aria-label={label}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link href={tab.href} aria-current={tab.current ? 'page' : undefined}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
