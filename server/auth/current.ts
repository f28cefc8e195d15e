import 'server-only';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { sessionTimeouts } from '@/server/env';
import { resolveViewer, type Viewer } from '@/server/services/viewer';
import { authOptions } from './options';

/** The session id from the next-auth cookie of the current request, if any. */
export async function currentSessionId(): Promise<string | null> {
  const session = await getServerSession(authOptions());
  return session?.sid ?? null;
}

/** The viewer of the current request, resolved once per request against the database. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const sessionId = await currentSessionId();
  if (!sessionId) return null;
  return resolveViewer(getDb(), sessionId, new Date(), sessionTimeouts());
});
