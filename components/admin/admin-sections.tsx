import Link from 'next/link';
import type { NavItem } from '@/components/shell/navigation';
import type { RouterOutputs } from '@/components/trpc/types';
import styles from './admin-sections.module.css';

type Counts = RouterOutputs['organization']['administrationCounts'];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What each entry's count says, or nothing when the caller may not see it. */
function countText(href: string, counts: Counts): { text: string; waiting?: boolean } | null {
  switch (href) {
    case '/admin/members':
      return counts.members === null ? null : { text: plural(counts.members, 'active member', 'active members') };
    case '/admin/units':
      return counts.units === null ? null : { text: plural(counts.units, 'unit', 'units') };
    case '/admin/addresses':
      return counts.addresses === null ? null : { text: plural(counts.addresses, 'address', 'addresses') };
    case '/admin/roles':
      return counts.roles === null ? null : { text: plural(counts.roles, 'role', 'roles') };
    case '/admin/approvals':
      return counts.rules === null
        ? null
        : { text: `${plural(counts.rules, 'rule', 'rules')}${counts.rules ? `, ${counts.activeRules} active` : ''}` };
    case '/admin/joining':
      return counts.joining === null
        ? null
        : { text: counts.joining ? `${counts.joining} waiting` : 'none waiting', waiting: counts.joining > 0 };
    default:
      return null;
  }
}

/** The Administration entries with how much each holds, and joining requests that wait emphasised. */
export function AdminSections({ sections, counts }: { sections: NavItem[]; counts: Counts }) {
  return (
    <ul className={styles.grid}>
      {sections.map((section) => {
        const count = countText(section.href, counts);
        return (
          <li key={section.href}>
            {/* The whole card is the link: a target for a thumb, with the count read after the name. */}
            <Link href={section.href} className={`${styles.entry} ${count?.waiting ? styles.waiting : ''}`}>
              <span className={styles.label}>{section.label}</span>
              {count && (
                <span className={styles.count} data-testid={`admin-count-${section.href.split('/').at(-1)}`}>
                  {count.text}
                </span>
              )}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
