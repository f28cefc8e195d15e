import { randomBytes } from 'node:crypto';
import { and, eq, isNotNull, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import QRCode from 'qrcode';
import type { Database, Executor } from '@/db/client';
import { recoveryCodes, totpFactors, users, userSessions } from '@/db/schema';
import { openSecret, sealSecret } from '@/server/auth/secret-box';
import { describeRetryAfter, SIGN_IN_LIMITS } from '@/server/domain/auth/rate-limit';
import {
  hashRecoveryCode,
  looksLikeRecoveryCode,
  RECOVERY_CODE_COUNT,
  recoveryCodeFrom,
} from '@/server/domain/auth/recovery-codes';
import { codeStepExpired, type FactorStanding } from '@/server/domain/auth/second-factor-gate';
import { checkTotpCode, totpUri } from '@/server/domain/auth/totp';
import { DomainError, invalidField } from '@/server/domain/errors';
import { staffSecondFactorAlways } from '@/server/env';
import { checkRateLimits, clearRateLimit, countRateLimitedEvent, type LimitedKey } from './rate-limits';
import { revokeSessions } from './viewer';

/** Whether one of the login's memberships is in an organization that requires a second factor (a buyer's rule, or staff). */
function requirementSql(userId: AnyPgColumn | SQL): SQL<boolean> {
  const staffAlways = sql.raw(staffSecondFactorAlways() ? 'true' : 'false');
  return sql<boolean>`exists (
      select 1 from memberships sfm
      join organizations sfo on sfo.id = sfm.organization_id
      left join second_factor_policies sfp on sfp.organization_id = sfo.id
      where sfm.user_id = ${userId} and sfm.status = 'active' and sfm.activated
        and (coalesce(sfp.required, false) or (sfo.kind = 'seller' and ${staffAlways})))`;
}

/**
 * How a login stands with the second factor, as one SQL expression for the session check: it has a
 * confirmed authenticator app; or it must have one (requirementSql); or neither.
 */
export function factorStandingSql(userId: AnyPgColumn | SQL): SQL<FactorStanding> {
  return sql<FactorStanding>`case
    when exists (select 1 from totp_factors tf where tf.user_id = ${userId} and tf.confirmed_at is not null) then 'has_factor'
    when ${requirementSql(userId)} then 'required'
    else 'optional' end`;
}

/** The standing of one login, read on its own (My account, sign-in). */
export async function factorStanding(db: Executor, userId: string): Promise<FactorStanding> {
  const [row] = await db
    .select({ standing: factorStandingSql(sql`${userId}::uuid`) })
    .from(users)
    .where(eq(users.id, userId));
  return row?.standing ?? 'optional';
}

/** Whether the login has a confirmed authenticator app: then a password alone does not open a session. */
export async function hasSecondFactor(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: totpFactors.userId })
    .from(totpFactors)
    .where(and(eq(totpFactors.userId, userId), isNotNull(totpFactors.confirmedAt)));
  return Boolean(row);
}

/** What My account shows: set up or not, required or not, how many recovery codes are left. */
export async function secondFactorStatus(db: Executor, userId: string) {
  const [factor] = await db.select().from(totpFactors).where(eq(totpFactors.userId, userId));
  const codes = await db
    .select({ left: sql<number>`count(*) filter (where ${recoveryCodes.usedAt} is null)::int` })
    .from(recoveryCodes)
    .where(eq(recoveryCodes.userId, userId));
  const enabled = Boolean(factor?.confirmedAt);
  return {
    enabled,
    enabledAt: factor?.confirmedAt ?? null,
    required: await requiredWithoutFactor(db, userId),
    recoveryCodesLeft: enabled ? (codes[0]?.left ?? 0) : 0,
  };
}

/** Whether the login would be required to have a second factor if it had none (removing it is then refused). */
async function requiredWithoutFactor(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ required: requirementSql(sql`${userId}::uuid`) })
    .from(users)
    .where(eq(users.id, userId));
  return row?.required ?? false;
}

/**
 * Starts setting up an authenticator app: a new secret (stored sealed, not yet counting), shown once
 * as a QR code and as text. Starting again replaces a set-up that was not confirmed.
 */
export async function beginTotpSetup(db: Executor, input: { userId: string; email: string; now: Date }) {
  if (await hasSecondFactor(db, input.userId)) {
    throw new DomainError('conflict', 'Your authenticator app is already set up. Remove it first to use another.');
  }
  // 20 bytes as RFC 4226 recommends; base32 is what authenticator apps take when typed in.
  const secret = base32(randomBytes(20));
  await db
    .insert(totpFactors)
    .values({ userId: input.userId, secretSealed: sealSecret(secret), createdAt: input.now })
    .onConflictDoUpdate({
      target: totpFactors.userId,
      set: { secretSealed: sealSecret(secret), createdAt: input.now, lastUsedStep: null },
      setWhere: isNull(totpFactors.confirmedAt),
    });
  const uri = totpUri(secret, input.email);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret: secret.match(/.{4}/g)?.join(' ') ?? secret, uri, qrSvg };
}

function base32(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** Codes count against the same limits as passwords: per login and per client address. */
function codeKeys(userId: string, ipAddress: string): LimitedKey[] {
  return [
    { key: `second-factor:account:${userId}`, rule: SIGN_IN_LIMITS.perAccount },
    { key: `second-factor:address:${ipAddress}`, rule: SIGN_IN_LIMITS.perAddress },
  ];
}

type CodeAttempt = { userId: string; code: string; ipAddress: string; now: Date };

const WRONG_CODE = 'That code is not right. Type the six digits your app shows now, or a recovery code.';
const REPLAYED_CODE = 'That code was already used. Wait for the next one from your app.';

/** Codes are rate-limited like passwords: per login and per address. */
async function refuseWhenTooManyCodes(db: Database, keys: LimitedKey[], now: Date) {
  const verdict = await checkRateLimits(db, keys, now);
  if (!verdict.allowed) {
    throw new DomainError(
      'rate_limited',
      `Too many codes tried. Try again in ${describeRetryAfter(verdict.retryAfterMs)}.`,
    );
  }
}

/**
 * Checks a code from the app or a recovery code, under the rate limits, and uses it up: the app's
 * time step can never be accepted again, a recovery code never again. Wrong codes count as attempts.
 */
async function spendCode(
  db: Database,
  attempt: CodeAttempt,
  accept: 'app' | 'app_or_recovery',
): Promise<'app' | 'recovery'> {
  const keys = codeKeys(attempt.userId, attempt.ipAddress);
  await refuseWhenTooManyCodes(db, keys, attempt.now);
  const used = await tryCode(db, attempt, accept);
  if (used === 'app' || used === 'recovery') {
    await clearRateLimit(db, keys[0]?.key ?? '');
    return used;
  }
  await countRateLimitedEvent(db, keys, attempt.now);
  throw invalidField('code', used === 'replayed' ? REPLAYED_CODE : WRONG_CODE);
}

async function tryCode(
  db: Executor,
  attempt: CodeAttempt,
  accept: 'app' | 'app_or_recovery',
): Promise<'app' | 'recovery' | 'wrong' | 'replayed'> {
  if (accept === 'app_or_recovery' && looksLikeRecoveryCode(attempt.code)) {
    const [spent] = await db
      .update(recoveryCodes)
      .set({ usedAt: attempt.now })
      .where(
        and(
          eq(recoveryCodes.userId, attempt.userId),
          eq(recoveryCodes.codeHash, hashRecoveryCode(attempt.code)),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ id: recoveryCodes.id });
    return spent ? 'recovery' : 'wrong';
  }
  const [factor] = await db
    .select()
    .from(totpFactors)
    .where(and(eq(totpFactors.userId, attempt.userId), isNotNull(totpFactors.confirmedAt)));
  if (!factor) return 'wrong';
  return acceptStep(db, factor.userId, factor.secretSealed, factor.lastUsedStep, attempt);
}

/** Accepts an app code and records its step, only if no one recorded that step or a later one meanwhile. */
async function acceptStep(
  db: Executor,
  userId: string,
  secretSealed: string,
  lastUsedStep: number | null,
  attempt: Pick<CodeAttempt, 'code' | 'now'>,
): Promise<'app' | 'wrong' | 'replayed'> {
  const check = checkTotpCode({
    secretBase32: openSecret(secretSealed),
    code: attempt.code,
    now: attempt.now,
    lastUsedStep,
  });
  if (!check.ok) return check.reason;
  const [recorded] = await db
    .update(totpFactors)
    .set({ lastUsedStep: check.step })
    .where(
      and(
        eq(totpFactors.userId, userId),
        or(isNull(totpFactors.lastUsedStep), lt(totpFactors.lastUsedStep, check.step)),
      ),
    )
    .returning({ userId: totpFactors.userId });
  return recorded ? 'app' : 'replayed';
}

/** Ten new recovery codes in place of the old ones; the plain codes are returned once and never stored. */
async function issueRecoveryCodes(tx: Executor, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => recoveryCodeFrom(randomBytes(10)));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx
    .insert(recoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code), createdAt: now })));
  return codes;
}

/** Every other session of the login ends: a change to how it signs in must be proven again everywhere else. */
async function signOutOtherSessions(tx: Executor, userId: string, keepSessionId: string, reason: string, now: Date) {
  const rows = await tx
    .select({ id: userSessions.id })
    .from(userSessions)
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), ne(userSessions.id, keepSessionId)));
  await revokeSessions(
    tx,
    rows.map((row) => row.id),
    reason,
    now,
  );
}

type SessionAttempt = CodeAttempt & { sessionId: string };

/**
 * Confirms the set-up with a first code from the app: from then on the password alone is not enough.
 * Returns the recovery codes, shown once; this session counts as strong, every other one is signed out.
 */
export async function confirmTotpSetup(db: Database, attempt: SessionAttempt): Promise<{ recoveryCodes: string[] }> {
  const keys = codeKeys(attempt.userId, attempt.ipAddress);
  await refuseWhenTooManyCodes(db, keys, attempt.now);
  const [pending] = await db
    .select()
    .from(totpFactors)
    .where(and(eq(totpFactors.userId, attempt.userId), isNull(totpFactors.confirmedAt)));
  if (!pending)
    throw new DomainError('precondition_failed', 'Start the set-up again: there is no new secret to confirm.');
  const outcome = await db.transaction(async (tx) => {
    const used = await acceptStep(tx, pending.userId, pending.secretSealed, pending.lastUsedStep, attempt);
    if (used !== 'app') return null;
    await tx.update(totpFactors).set({ confirmedAt: attempt.now }).where(eq(totpFactors.userId, attempt.userId));
    const codes = await issueRecoveryCodes(tx, attempt.userId, attempt.now);
    await tx.update(userSessions).set({ strongAt: attempt.now }).where(eq(userSessions.id, attempt.sessionId));
    await signOutOtherSessions(tx, attempt.userId, attempt.sessionId, 'second_factor_set_up', attempt.now);
    return codes;
  });
  if (!outcome) {
    await countRateLimitedEvent(db, keys, attempt.now);
    throw invalidField('code', 'That code is not right. Check the time on your phone and type the code it shows now.');
  }
  await clearRateLimit(db, keys[0]?.key ?? '');
  return { recoveryCodes: outcome };
}

/**
 * The sign-in's second step: a code from the app or a recovery code turns the half-open session
 * into a full one. A session that waited too long is ended: the person signs in again.
 */
export async function verifySignInCode(db: Database, attempt: SessionAttempt): Promise<{ usedRecoveryCode: boolean }> {
  const [session] = await db.select().from(userSessions).where(eq(userSessions.id, attempt.sessionId));
  if (!session?.secondFactorPendingAt) return { usedRecoveryCode: false };
  if (codeStepExpired(session.secondFactorPendingAt, attempt.now)) {
    await revokeSessions(db, [session.id], 'second_factor_timed_out', attempt.now);
    throw new DomainError('unauthenticated', 'Signing in took too long. Please sign in again.');
  }
  const used = await spendCode(db, attempt, 'app_or_recovery');
  await db
    .update(userSessions)
    .set({ secondFactorPendingAt: null, strongAt: attempt.now })
    .where(eq(userSessions.id, session.id));
  return { usedRecoveryCode: used === 'recovery' };
}

/** Ten new recovery codes for a current code from the app; the old ones stop working, other sessions end. */
export async function regenerateRecoveryCodes(
  db: Database,
  attempt: SessionAttempt,
): Promise<{ recoveryCodes: string[] }> {
  if (!(await hasSecondFactor(db, attempt.userId))) {
    throw new DomainError('precondition_failed', 'Set up an authenticator app first.');
  }
  await spendCode(db, attempt, 'app');
  const codes = await db.transaction(async (tx) => {
    const issued = await issueRecoveryCodes(tx, attempt.userId, attempt.now);
    await signOutOtherSessions(tx, attempt.userId, attempt.sessionId, 'recovery_codes_regenerated', attempt.now);
    return issued;
  });
  return { recoveryCodes: codes };
}

/**
 * Removes the authenticator app and the recovery codes, for a current code or a recovery code.
 * Other sessions end. Where a second factor is required this is how a member moves to a new phone:
 * from then on this session, like any other, can do nothing until a new app is set up.
 */
export async function removeSecondFactor(db: Database, attempt: SessionAttempt): Promise<{ removed: true }> {
  if (!(await hasSecondFactor(db, attempt.userId)))
    throw new DomainError('not_found', 'There is no second factor to remove.');
  await spendCode(db, attempt, 'app_or_recovery');
  await db.transaction(async (tx) => {
    await tx.delete(totpFactors).where(eq(totpFactors.userId, attempt.userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, attempt.userId));
    // The code that made this session strong belonged to the app just removed.
    await tx.update(userSessions).set({ strongAt: null }).where(eq(userSessions.id, attempt.sessionId));
    await signOutOtherSessions(tx, attempt.userId, attempt.sessionId, 'second_factor_removed', attempt.now);
  });
  return { removed: true };
}
