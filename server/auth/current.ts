import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { sessionTimeouts } from '@/server/env';
import { resolveViewer, type Viewer } from '@/server/services/identity/viewer';
import { authOptions } from './options';
import { decodeSessionToken } from './session-token';

/**
 * The session id from the next-auth cookie of the current request, if any. Decrypts the cookie as
 * next-auth's own decoder does (`decodeSessionToken`) instead of calling getServerSession, which
 * would also re-encrypt the token and set the cookie again on every request: the cookie only
 * carries the id of a `user_sessions` row, and that row (checked on every request) decides the
 * idle and absolute timeouts, so the cookie's expiry need not slide. A cookie that does not
 * decrypt is no session.
 */
export async function currentSessionId(): Promise<string | null> {
  // The request's cookies first: it marks the page as rendered per request, so `next build` never
  // prerenders it and never needs the runtime settings (AUTH_SECRET, an email provider) read below.
  const jar = await cookies();
  const options = authOptions();
  const name = `${options.useSecureCookies ? '__Secure-' : ''}next-auth.session-token`;
  const token = jar.get(name)?.value;
  if (!token) return null;
  const payload = await decodeSessionToken(token, options.secret ?? '');
  return typeof payload?.sid === 'string' ? payload.sid : null;
}

/** The viewer of the current request, resolved once per request against the database. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const sessionId = await currentSessionId();
  if (!sessionId) return null;
  return resolveViewer(getDb(), sessionId, new Date(), sessionTimeouts());
});
