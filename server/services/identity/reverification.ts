import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { emailTokens, users, type User } from '@/db/schema';
import { REVERIFY_RESEND_INTERVAL_MS } from '@/server/domain/auth/reverification';
import { consumeEmailToken, issueEmailToken } from '@/server/auth/email-tokens';
import { enqueueEmail } from '@/server/email/outbox';
import { appUrl } from '@/server/env';

/**
 * Marks a long-inactive user expired and emails a re-verification link — unless one went out in
 * the last few minutes, so repeated attempts do not flood their inbox.
 */
export async function expireAndAskToReverify(db: Database, user: User, afterDays: number, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ status: 'expired', updatedAt: now }).where(eq(users.id, user.id));
    if (await recentlyAsked(tx, user.id, now)) return;
    const token = await issueEmailToken(tx, { purpose: 'reverify', email: user.email, userId: user.id, now });
    await enqueueEmail(tx, {
      kind: 'reverify',
      to: user.email,
      props: { name: user.name, inactiveDays: afterDays, reverifyUrl: appUrl(`/reverify?token=${token}`) },
    });
  });
}

async function recentlyAsked(tx: Executor, userId: string, now: Date): Promise<boolean> {
  const [latest] = await tx
    .select({ createdAt: emailTokens.createdAt })
    .from(emailTokens)
    .where(
      and(
        eq(emailTokens.userId, userId),
        eq(emailTokens.purpose, 'reverify'),
        isNull(emailTokens.usedAt),
        gt(emailTokens.createdAt, new Date(now.getTime() - REVERIFY_RESEND_INTERVAL_MS)),
      ),
    )
    .orderBy(desc(emailTokens.createdAt))
    .limit(1);
  return Boolean(latest);
}

/** The link from the email restores the account; the password stays as it was. */
export async function reverifyAccount(db: Database, token: string, now: Date): Promise<{ message: string }> {
  await db.transaction(async (tx) => {
    const row = await consumeEmailToken(tx, token, 'reverify', now);
    if (!row.userId) return;
    const [user] = await tx.select({ status: users.status }).from(users).where(eq(users.id, row.userId));
    if (user?.status !== 'expired') return;
    await tx.update(users).set({ status: 'active', lastActiveAt: now, updatedAt: now }).where(eq(users.id, row.userId));
  });
  return { message: 'Thank you: it is confirmed. Sign in with your usual password.' };
}
