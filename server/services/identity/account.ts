import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users, userSessions } from '@/db/schema';
import { EMAIL_TOKEN_LIFETIME_MS } from '@/server/domain/auth/tokens';
import { passwordProblem } from '@/server/domain/auth/password-policy';
import { DomainError, invalidField } from '@/server/domain/errors';
import { formatTimestamp } from '@/server/domain/time';
import { consumeEmailToken, issueEmailToken } from '@/server/auth/email-tokens';
import { emailLinkState } from './email-links';
import { hashPassword, verifyPassword } from '@/server/auth/password';
import { enqueueEmail } from '@/server/email/outbox';
import { appUrl } from '@/server/env';
import type { ChangePasswordInput, ResetPasswordInput } from '@/server/schemas/auth';
import { loadMembership, revokeSessions } from './viewer';

async function openSessionIds(db: Pick<Database, 'select'>, userId: string, except?: string) {
  const rows = await db
    .select({ id: userSessions.id })
    .from(userSessions)
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        except ? ne(userSessions.id, except) : undefined,
      ),
    );
  return rows.map((row) => row.id);
}

/** Changes the password, signs out every other session of the user, and tells them by email. */
export async function changePassword(
  db: Database,
  input: ChangePasswordInput & { userId: string; sessionId: string; now: Date },
) {
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw invalidField('currentPassword', 'Your current password is not correct.');
  }
  const problem = passwordProblem(input.newPassword, user.email);
  if (problem) throw invalidField('newPassword', problem);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: input.now, updatedAt: input.now })
      .where(eq(users.id, user.id));
    await revokeSessions(tx, await openSessionIds(tx, user.id, input.sessionId), 'password_changed', input.now);
    await enqueueEmail(tx, {
      kind: 'password-changed',
      to: user.email,
      props: { name: user.name, changedAt: formatTimestamp(input.now, user.timeZone), signInUrl: appUrl('/sign-in') },
    });
  });
}

/**
 * Emails a reset link when the address belongs to a user who can sign in. The caller answers the
 * same either way, so the form does not tell who has an account.
 */
export async function requestPasswordReset(db: Database, input: { email: string; now: Date }) {
  const [user] = await db.select().from(users).where(eq(users.email, input.email));
  if (!user || user.status !== 'active') return;
  await db.transaction(async (tx) => {
    const token = await issueEmailToken(tx, {
      purpose: 'reset_password',
      email: user.email,
      userId: user.id,
      now: input.now,
    });
    await enqueueEmail(tx, {
      kind: 'password-reset',
      to: user.email,
      props: {
        name: user.name,
        resetUrl: appUrl(`/reset-password?token=${token}`),
        expiresInMinutes: EMAIL_TOKEN_LIFETIME_MS.reset_password / 60_000,
      },
    });
  });
}

/** Whether a reset link can still be used, and otherwise why not; it is not used up by asking. */
export async function peekPasswordResetLink(db: Database, input: { token: string; now: Date }) {
  return emailLinkState(db, { ...input, purpose: 'reset_password' });
}

/** Sets a new password from a reset link; the link works once and every session is signed out. */
export async function resetPassword(db: Database, input: ResetPasswordInput & { now: Date }) {
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    const token = await consumeEmailToken(tx, input.token, 'reset_password', input.now);
    const [user] = token.userId ? await tx.select().from(users).where(eq(users.id, token.userId)) : [];
    if (!user || user.status !== 'active')
      throw new DomainError('precondition_failed', 'This account cannot be signed in to. Ask your administrator.');
    const problem = passwordProblem(input.newPassword, user.email);
    if (problem) throw invalidField('newPassword', problem);
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: input.now, updatedAt: input.now })
      .where(eq(users.id, user.id));
    await revokeSessions(tx, await openSessionIds(tx, user.id), 'password_reset', input.now);
    await enqueueEmail(tx, {
      kind: 'password-changed',
      to: user.email,
      props: { name: user.name, changedAt: formatTimestamp(input.now, user.timeZone), signInUrl: appUrl('/sign-in') },
    });
  });
}

/** Makes another of the user's memberships the active one for this session. */
export async function switchMembership(
  db: Database,
  input: { userId: string; sessionId: string; membershipId: string },
) {
  const loaded = await loadMembership(db, input.membershipId, input.userId);
  if ('problem' in loaded) throw new DomainError('forbidden', loaded.problem);
  await db
    .update(userSessions)
    .set({ activeMembershipId: input.membershipId })
    .where(eq(userSessions.id, input.sessionId));
  await db.update(users).set({ lastMembershipId: input.membershipId }).where(eq(users.id, input.userId));
  return { organizationName: loaded.membership.organization.name, kind: loaded.membership.organization.kind };
}

/**
 * The zone this person reads times in, from My account. A chosen zone stays through later
 * sign-ins; following the browser stores its zone now and lets each sign-in update it.
 */
export async function setTimeZone(
  db: Database,
  input: { userId: string; timeZone: string; followBrowser: boolean; now: Date },
): Promise<{ timeZone: string; chosen: boolean }> {
  await db
    .update(users)
    .set({ timeZone: input.timeZone, timeZoneChosenAt: input.followBrowser ? null : input.now })
    .where(eq(users.id, input.userId));
  return { timeZone: input.timeZone, chosen: !input.followBrowser };
}
