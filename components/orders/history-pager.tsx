import { PagerLinks } from '@/components/ui/pager';

/**
 * Newer/older links for a history paged by position (keyset): each link carries the id of the
 * order at the edge of this page, plus the current filters.
 */
export function HistoryPager({
  base,
  query,
  newerCursor,
  olderCursor,
}: {
  base: string;
  query: Record<string, string | undefined>;
  newerCursor: string | null;
  olderCursor: string | null;
}) {
  if (!newerCursor && !olderCursor) return null;
  const href = (key: 'after' | 'before', cursor: string) => {
    const params = new URLSearchParams(
      Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])),
    );
    params.set(key, cursor);
    return `${base}?${params}`;
  };
  return (
    <PagerLinks
      previous={newerCursor ? { href: href('after', newerCursor), label: '← Newer' } : null}
      next={olderCursor ? { href: href('before', olderCursor), label: 'Older →' } : null}
    />
  );
}
