import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { emailTokens, type EmailToken } from '@/db/schema';
import { DomainError } from '@/server/domain/errors';
import { EMAIL_TOKEN_LIFETIME_MS, emailTokenState, type EmailTokenPurpose } from '@/server/domain/auth/tokens';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a single-use token and returns the clear text, which goes only into the email. */
export async function issueEmailToken(
  tx: Executor,
  input: { purpose: EmailTokenPurpose; email: string; userId?: string; payload?: Record<string, unknown>; now: Date },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.insert(emailTokens).values({
    purpose: input.purpose,
    email: input.email,
    userId: input.userId,
    payload: input.payload ?? {},
    tokenHash: hashToken(token),
    expiresAt: new Date(input.now.getTime() + EMAIL_TOKEN_LIFETIME_MS[input.purpose]),
    createdAt: input.now,
  });
  return token;
}

const TOKEN_MESSAGES = {
  missing: 'This link is not valid. Ask for a new one.',
  used: 'This link has already been used. Ask for a new one if you still need it.',
  expired: 'This link has expired. Ask for a new one.',
};

/**
 * Marks the token used and returns it, inside the caller's transaction. The row lock makes a
 * second, concurrent use wait and then see it as used.
 */
export async function consumeEmailToken(
  tx: Executor,
  token: string,
  purpose: EmailTokenPurpose,
  now: Date,
): Promise<EmailToken> {
  const [row] = await tx
    .select()
    .from(emailTokens)
    .where(and(eq(emailTokens.tokenHash, hashToken(token)), eq(emailTokens.purpose, purpose)))
    .for('update');
  if (!row) throw new DomainError('not_found', TOKEN_MESSAGES.missing);
  const state = emailTokenState(row, now);
  if (state !== 'usable') throw new DomainError('precondition_failed', TOKEN_MESSAGES[state]);
  await tx
    .update(emailTokens)
    .set({ usedAt: now })
    .where(and(eq(emailTokens.id, row.id), isNull(emailTokens.usedAt)));
  return row;
}

/** Reads a token without using it, to show the page behind a link (or why it no longer works). */
export async function peekEmailToken(tx: Executor, token: string, purpose: EmailTokenPurpose, now: Date) {
  const [row] = await tx
    .select()
    .from(emailTokens)
    .where(and(eq(emailTokens.tokenHash, hashToken(token)), eq(emailTokens.purpose, purpose)));
  if (!row) return { ok: false as const, message: TOKEN_MESSAGES.missing };
  const state = emailTokenState(row, now);
  return state === 'usable'
    ? { ok: true as const, token: row }
    : { ok: false as const, message: TOKEN_MESSAGES[state] };
}
