import Link from 'next/link';
import type { ReactNode } from 'react';

/** "← Orders": the way back to the list a page belongs to, a full-size target on a phone. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="back-link">
      <Link href={href}>← {children}</Link>
    </p>
  );
}
