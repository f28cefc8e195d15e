import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users, type User } from '@/db/schema';
import { consumeEmailToken, peekEmailToken } from '@/server/auth/email-tokens';
import { hashPassword } from '@/server/auth/password';
import { passwordProblem } from '@/server/domain/auth/password-policy';
import { DomainError, invalidField } from '@/server/domain/errors';
import type { ResetPasswordInput } from '@/server/schemas/auth';

const CANNOT_SIGN_IN = 'This account cannot be signed in to. Please contact us or your administrator.';
const ALREADY_SET =
  'You have already chosen a password. Sign in with it, or use "Forgot your password?" on the sign-in page.';

/** Why a set-password link cannot be used by this user, or null when it can. */
function linkProblem(user: Pick<User, 'status' | 'passwordHash'> | undefined): string | null {
  if (!user || user.status === 'deactivated') return CANNOT_SIGN_IN;
  if (user.passwordHash) return ALREADY_SET;
  return null;
}

/** What the set-password page shows for a link: whose account, or why the link no longer works. */
export async function peekSetPasswordLink(db: Database, input: { token: string; now: Date }) {
  const check = await peekEmailToken(db, input.token, 'set_password', input.now);
  if (!check.ok) return { ok: false as const, message: check.message };
  const [user] = check.token.userId ? await db.select().from(users).where(eq(users.id, check.token.userId)) : [];
  const problem = linkProblem(user);
  if (problem || !user) return { ok: false as const, message: problem ?? CANNOT_SIGN_IN };
  return { ok: true as const, email: user.email, name: user.name };
}

/**
 * Sets the first password of an account someone made for this person (staff, or an administrator's
 * invitation); the link works once and proves the address, so the login becomes active and verified.
 */
export async function setPasswordFromLink(db: Database, input: ResetPasswordInput & { now: Date }) {
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const token = await consumeEmailToken(tx, input.token, 'set_password', input.now);
    const [user] = token.userId ? await tx.select().from(users).where(eq(users.id, token.userId)).for('update') : [];
    const problem = linkProblem(user);
    if (problem || !user) throw new DomainError('precondition_failed', problem ?? CANNOT_SIGN_IN);
    const weak = passwordProblem(input.newPassword, user.email);
    if (weak) throw invalidField('newPassword', weak);
    await tx
      .update(users)
      .set({
        passwordHash,
        status: 'active',
        emailVerifiedAt: user.emailVerifiedAt ?? input.now,
        passwordChangedAt: input.now,
        updatedAt: input.now,
      })
      .where(eq(users.id, user.id));
    return { email: user.email };
  });
}
