import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { serverEnv } from '@/server/env';
import { signInSchema } from '@/server/schemas/auth';
import { INVALID_CREDENTIALS, signInWithPassword } from '@/server/services/identity/sign-in';
import { revokeSessions } from '@/server/services/identity/viewer';
import { clientAddress } from './client-address';

let options: NextAuthOptions | undefined;

/**
 * next-auth with email + password. The encrypted JWT cookie only carries the id of a
 * `user_sessions` row; that row is checked on every request, so sign-out, a password change or a
 * deactivation take effect at once, and idle and absolute timeouts are enforced server-side.
 */
export function authOptions(): NextAuthOptions {
  if (options) return options;
  const env = serverEnv();
  options = {
    secret: env.AUTH_SECRET,
    session: { strategy: 'jwt', maxAge: env.SESSION_MAX_HOURS * 3600 },
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
        },
        async authorize(credentials, request) {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) throw new Error(INVALID_CREDENTIALS);
          const outcome = await signInWithPassword(getDb(), {
            ...parsed.data,
            ipAddress: clientAddress(request.headers ?? {}, env.TRUSTED_PROXY_HOPS),
            userAgent: String(request.headers?.['user-agent'] ?? ''),
            // Read from the raw credentials: an odd zone is ignored, it never refuses a sign-in.
            timeZone: credentials?.timeZone,
            now: new Date(),
            reverifyAfterDays: env.REVERIFY_AFTER_DAYS,
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
