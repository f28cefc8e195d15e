import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getMe } from '@/components/shell/me';
import { RETURN_PATH_HEADER, signInPathFor } from '@/server/auth/return-path';

/**
 * The signed-in person, or off to sign-in and back to this page afterwards: quote pages are
 * opened from email links (the buyer's "your quote is ready", the desk's "quote requested").
 */
export async function signedInOrSignIn() {
  const me = await getMe();
  if (!me) redirect(signInPathFor((await headers()).get(RETURN_PATH_HEADER)));
  return me;
}
