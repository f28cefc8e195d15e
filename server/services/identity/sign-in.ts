import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users, userSessions, type User } from '@/db/schema';
import { describeRetryAfter, SIGN_IN_LIMITS } from '@/server/domain/auth/rate-limit';
import { zoneFromBrowser } from '@/server/domain/auth/time-zone';
import { needsReverification } from '@/server/domain/auth/reverification';
import { burnPasswordCheck, verifyPassword } from '@/server/auth/password';
import { checkRateLimits, clearRateLimit, countRateLimitedEvent, type LimitedKey } from './rate-limits';
import { expireAndAskToReverify } from './reverification';
import { hasSecondFactor } from './second-factor';
import { listUserMemberships } from './viewer';

export type SignInRequest = SessionRequest & { email: string; password: string };

export type SignInFailureCode = 'invalid_credentials' | 'rate_limited' | 'deactivated' | 'expired' | 'no_account';
export type SignInOutcome =
  { ok: true; userId: string; sessionId: string } | { ok: false; code: SignInFailureCode; message: string };

/** The one answer for an unknown email and a wrong password, so neither reveals the other. */
export const INVALID_CREDENTIALS = 'The email address or password is not correct.';

export function limitedKeys(email: string, ipAddress: string): LimitedKey[] {
  return [
    { key: `sign-in:account:${email}`, rule: SIGN_IN_LIMITS.perAccount },
    { key: `sign-in:address:${ipAddress}`, rule: SIGN_IN_LIMITS.perAddress },
  ];
}

/**
 * Checks an email and password and opens a session. Failed attempts count per account and per
 * client address, in PostgreSQL so that every app instance sees the same counts.
 */
export async function signInWithPassword(db: Database, request: SignInRequest): Promise<SignInOutcome> {
  const email = request.email.trim().toLowerCase();
  const keys = limitedKeys(email, request.ipAddress);
  const verdict = await checkRateLimits(db, keys, request.now);
  if (!verdict.allowed) {
    return {
      ok: false,
      code: 'rate_limited',
      message: `Too many sign-in attempts. Try again in ${describeRetryAfter(verdict.retryAfterMs)}.`,
    };
  }
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const passwordOk = user?.passwordHash
    ? await verifyPassword(user.passwordHash, request.password)
    : (await burnPasswordCheck(request.password), false);
  if (!user || !passwordOk) {
    await countRateLimitedEvent(db, keys, request.now);
    return { ok: false, code: 'invalid_credentials', message: INVALID_CREDENTIALS };
  }
  await clearRateLimit(db, keys[0]?.key ?? '');
  return openSession(db, user, request);
}

/** What every way of signing in needs besides the proof of who it is. */
export type SessionRequest = {
  ipAddress: string;
  userAgent?: string;
  /** The zone the browser reports (Intl's resolvedOptions), kept unless the person chose one; anything unknown is ignored. */
  timeZone?: unknown;
  now: Date;
  /** Days without activity after which a sign-in must be re-verified by email (REVERIFY_AFTER_DAYS). */
  reverifyAfterDays?: number;
  /** "Keep me signed in on this device": the session gets the trusted-device lifetimes. */
  trusted?: boolean;
  /** Proven by more than a password (a passkey): no second-factor code is asked for. */
  strong?: boolean;
};

/**
 * Opens a session for a user whose identity is proven (password or passkey), after the checks
 * every sign-in makes: deactivated, long inactive (re-verification), invited, no usable account.
 */
export async function openSession(db: Database, user: User, request: SessionRequest): Promise<SignInOutcome> {
  if (user.status === 'deactivated') {
    return { ok: false, code: 'deactivated', message: 'This account has been deactivated. Ask your administrator.' };
  }
  const reverifyAfterDays = request.reverifyAfterDays ?? 90;
  if (user.status === 'expired' || needsReverification(user.lastActiveAt, request.now, reverifyAfterDays)) {
    await expireAndAskToReverify(db, user, reverifyAfterDays, request.now);
    return {
      ok: false,
      code: 'expired',
      message: `You have not used Countersign for more than ${reverifyAfterDays} days. To keep your account safe we have emailed you a link to confirm it is you; your password stays the same.`,
    };
  }
  const choice = await chooseMembership(db, user.id, user.lastMembershipId);
  if (!choice.ok) return { ok: false, code: 'no_account', message: choice.problem };
  if (user.status === 'invited') {
    return {
      ok: false,
      code: 'no_account',
      message: 'Your account is not active yet. Follow the link in the email we sent you.',
    };
  }

  // A password alone opens a session that can do nothing but take the code from the app.
  const codeNeeded = !request.strong && (await hasSecondFactor(db, user.id));
  const [session] = await db
    .insert(userSessions)
    .values({
      userId: user.id,
      activeMembershipId: choice.id,
      createdAt: request.now,
      lastSeenAt: request.now,
      ipAddress: request.ipAddress.slice(0, 64),
      userAgent: request.userAgent?.slice(0, 300),
      trusted: request.trusted ?? false,
      secondFactorPendingAt: codeNeeded ? request.now : null,
      strongAt: request.strong ? request.now : null,
    })
    .returning({ id: userSessions.id });
  if (!session) throw new Error('could not open a session');
  const timeZone = zoneFromBrowser(request.timeZone, user);
  await db
    .update(users)
    .set({ lastActiveAt: request.now, lastMembershipId: choice.id, ...(timeZone ? { timeZone } : {}) })
    .where(eq(users.id, user.id));
  return { ok: true, userId: user.id, sessionId: session.id };
}

/** The last account the user worked in if still usable, else the first usable one. */
async function chooseMembership(db: Database, userId: string, lastMembershipId: string | null) {
  const options = await listUserMemberships(db, userId);
  const usable = options.filter((option) => option.usable);
  const chosen = usable.find((option) => option.id === lastMembershipId) ?? usable[0];
  if (chosen) return { ok: true as const, id: chosen.id };
  const problem =
    options[0]?.problem ?? 'This login has no customer account yet. Ask your administrator for an invitation.';
  return { ok: false as const, problem };
}
