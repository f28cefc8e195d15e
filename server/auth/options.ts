import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { cookieLifetimeSeconds } from '@/server/domain/auth/session-policy';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { relyingParty, serverEnv, sessionTimeouts } from '@/server/env';
import { idField } from '@/server/schemas/common';
import { authenticationResponseSchema } from '@/server/schemas/passkeys';
import { signInWithPasskey } from '@/server/services/identity/passkeys';
import { signInSchema } from '@/server/schemas/auth';
import { INVALID_CREDENTIALS, signInWithPassword } from '@/server/services/identity/sign-in';
import { revokeSessions } from '@/server/services/identity/viewer';
import { clientAddress } from './client-address';

let options: NextAuthOptions | undefined;

const PASSKEY_UNREADABLE = 'This passkey could not sign you in. Please try again.';

function parseJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return null;
  }
}

type RawCredentials = Record<string, string> | undefined;
type RawRequest = { headers?: Record<string, string | string[] | undefined> };

/** What both ways of signing in pass on about the request, read from the raw form fields and headers. */
function sessionRequest(credentials: RawCredentials, request: RawRequest) {
  const env = serverEnv();
  return {
    ipAddress: clientAddress(request.headers ?? {}, env.TRUSTED_PROXY_HOPS),
    userAgent: String(request.headers?.['user-agent'] ?? ''),
    // Read from the raw credentials: an odd zone is ignored, it never refuses a sign-in.
    timeZone: credentials?.timeZone,
    trusted: credentials?.trusted === 'true',
    now: new Date(),
    reverifyAfterDays: env.REVERIFY_AFTER_DAYS,
  };
}

/**
 * next-auth with email + password and with a passkey. The encrypted JWT cookie only carries the id of a
 * `user_sessions` row; that row is checked on every request, so sign-out, a password change or a
 * deactivation take effect at once, and idle and absolute timeouts are enforced server-side.
 */
export function authOptions(): NextAuthOptions {
  if (options) return options;
  const env = serverEnv();
  options = {
    secret: env.AUTH_SECRET,
    // The cookie lives as long as the longest session; the session row ends every shorter one.
    session: { strategy: 'jwt', maxAge: cookieLifetimeSeconds(sessionTimeouts()) },
    // HttpOnly and SameSite=Lax are next-auth's defaults; Secure (and the __Secure- prefix) whenever the app is served over https.
    useSecureCookies: env.APP_URL.startsWith('https://'),
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
          timeZone: { label: 'Time zone', type: 'text' },
          trusted: { label: 'Keep me signed in on this device', type: 'text' },
        },
        async authorize(credentials, request) {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) throw new Error(INVALID_CREDENTIALS);
          const outcome = await signInWithPassword(getDb(), {
            ...parsed.data,
            ...sessionRequest(credentials, request),
          });
          if (!outcome.ok) throw new Error(outcome.message);
          return { id: outcome.userId, sid: outcome.sessionId };
        },
      }),
      CredentialsProvider({
        id: 'passkey',
        name: 'Passkey',
        credentials: {
          handle: { label: 'Challenge', type: 'text' },
          response: { label: 'Signed answer', type: 'text' },
          timeZone: { label: 'Time zone', type: 'text' },
          trusted: { label: 'Keep me signed in on this device', type: 'text' },
        },
        async authorize(credentials, request) {
          const handle = idField.safeParse(credentials?.handle);
          const response = authenticationResponseSchema.safeParse(parseJson(credentials?.response));
          if (!handle.success || !response.success) throw new Error(PASSKEY_UNREADABLE);
          const outcome = await signInWithPasskey(getDb(), {
            handle: handle.data,
            response: response.data as unknown as AuthenticationResponseJSON,
            rp: relyingParty(),
            ...sessionRequest(credentials, request),
          });
          if (!outcome.ok) throw new Error(outcome.message);
          return { id: outcome.userId, sid: outcome.sessionId };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sid = user.sid;
        return token;
      },
      session({ session, token }) {
        return { expires: session.expires, sid: token.sid };
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await revokeSessions(getDb(), [token.sid], 'signed_out', new Date());
      },
    },
  };
  return options;
}
