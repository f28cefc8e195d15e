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

/** Previous/next links that keep the other query parameters; "Page 3 of 12" when the count is known. */
export function Pager({
  page,
  hasNext,
  href,
  pageCount,
}: {
  page: number;
  hasNext: boolean;
  href: (page: number) => string;
  pageCount?: number;
}) {
  if (page <= 1 && !hasNext) return null;
  return (
    <PagerLinks
      previous={page > 1 ? { href: href(page - 1), label: '← Previous' } : null}
      current={pageCount === undefined ? `Page ${page}` : `Page ${page} of ${pageCount}`}
      next={hasNext ? { href: href(page + 1), label: 'Next →' } : null}
    />
  );
}
