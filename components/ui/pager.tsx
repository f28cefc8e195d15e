import Link from 'next/link';

type PageLink = { href: string; label: string } | null;

/** A pager's frame: a link back, where we are, a link on; a missing link keeps its place. */
export function PagerLinks({ previous, current, next }: { previous: PageLink; current?: string; next: PageLink }) {
  return (
    <nav className="pager" aria-label="Pages">
      {previous ? <Link href={previous.href}>{previous.label}</Link> : <span />}
      {current !== undefined && <span>{current}</span>}
      {next ? <Link href={next.href}>{next.label}</Link> : <span />}
    </nav>
  );
}

/** Previous/next links that keep the other query parameters. */
export function Pager({ page, hasNext, href }: { page: number; hasNext: boolean; href: (page: number) => string }) {
  if (page <= 1 && !hasNext) return null;
  return (
    <PagerLinks
      previous={page > 1 ? { href: href(page - 1), label: '← Previous' } : null}
      current={`Page ${page}`}
      next={hasNext ? { href: href(page + 1), label: 'Next →' } : null}
    />
  );
}
