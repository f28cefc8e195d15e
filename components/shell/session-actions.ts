'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import type { RouterInputs } from '@/components/trpc/types';
import { runProcedure } from '@/server/trpc/actions';

/*
 * The header's session actions, on every signed-in page: as server actions they need neither
 * next-auth's client nor the tRPC client in the browser (issue 6, page weight).
 */

/** next-auth's session cookie, `__Secure-` prefixed over https, split into `.0`, `.1` … when long. */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * Signs out as next-auth's sign-out does (its `events.signOut` revokes the session row): the row is
 * revoked, so the cookie is worthless even if replayed, and the cookie is cleared.
 */
export async function signOut(): Promise<never> {
  // A session that has already ended is refused here; the cookie is cleared all the same.
  await runProcedure((caller) => caller.session.signOut());
  const jar = await cookies();
  for (const { name } of jar.getAll().filter((cookie) => SESSION_COOKIE.test(cookie.name))) {
    jar.set(name, '', { maxAge: 0, path: '/', httpOnly: true, sameSite: 'lax', secure: name.startsWith('__Secure-') });
  }
  redirect('/sign-in');
}

export async function switchAccount(input: RouterInputs['session']['switchAccount']) {
  return runProcedure((caller) => caller.session.switchAccount(input));
}
