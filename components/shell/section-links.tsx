import Link from 'next/link';
import type { NavItem } from './navigation';

/** A landing page's sections as a grid of cards. */
export function SectionLinks({ sections }: { sections: NavItem[] }) {
  return (
    <div className="grid">
      {sections.map((section) => (
        <Link key={section.href} href={section.href} className="card">
          {section.label}
        </Link>
      ))}
    </div>
  );
}
