import { formatTimestamp } from '@/server/domain/time';

/**
 * A moment in a given zone ("Nov 23, 2026, 2:42 AM PST"), machine-readable in `dateTime`; a
 * missing one reads `empty`. For client components, which get the viewer's zone as a prop; server
 * components use LocalTime, which finds the zone itself.
 */
export function Timestamp({
  at,
  timeZone,
  empty = '—',
}: {
  at: Date | null | undefined;
  timeZone: string;
  empty?: string;
}) {
  if (!at) return <>{empty}</>;
  return <time dateTime={at.toISOString()}>{formatTimestamp(at, timeZone)}</time>;
}
