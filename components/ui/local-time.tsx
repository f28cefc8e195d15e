import 'server-only';
import { cache } from 'react';
import { getMe } from '@/components/shell/me';
import { Timestamp } from './timestamp';

/** The zone the signed-in viewer reads times in (UTC when signed out), once per request. */
export const viewerTimeZone = cache(async (): Promise<string> => (await getMe())?.user.timeZone ?? 'UTC');

/** A moment in the viewer's own zone, for server components and DataTable cells; a missing one reads `empty`. */
export async function LocalTime({ at, empty = '—' }: { at: Date | null | undefined; empty?: string }) {
  if (!at) return <>{empty}</>;
  return <Timestamp at={at} timeZone={await viewerTimeZone()} />;
}
