import Link from 'next/link';
import {
  gettingStartedChecklist,
  type ChecklistInput,
  type ChecklistItem,
} from '@/server/domain/organizations/checklist';

// Links appear as the pages exist; the others are listed so the administrator sees the way ahead.
const LINKS: Partial<Record<ChecklistItem['key'], string>> = { units: '/admin/units', buyers: '/admin/members' };

/** Shown to a buyer administrator until the first steps are done. */
export function GettingStarted(input: ChecklistInput) {
  const items = gettingStartedChecklist(input);
  if (items.every((item) => item.done)) return null;
  return (
    <section className="card" aria-labelledby="getting-started">
      <h2 id="getting-started">Getting started</h2>
      <ul className="checklist">
        {items.map((item) => {
          const href = LINKS[item.key];
          return (
            <li key={item.key}>
              <span aria-hidden="true">{item.done ? '✓' : '○'}</span>
              <span>
                {href ? <Link href={href}>{item.label}</Link> : item.label}
                <span className="skip-link">{item.done ? ' (done)' : ' (to do)'}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
