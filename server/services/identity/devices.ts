import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { userSessions } from '@/db/schema';
import { describeDevice } from '@/server/domain/auth/device-words';
import { coarseNetwork } from '@/server/domain/auth/network';
import { sessionState, type SessionPolicy } from '@/server/domain/auth/session-policy';
import { notFound } from '@/server/domain/errors';

/**
 * The sessions signed in as this user right now (those that still count), latest used first: the
 * browser, when, and roughly where from (the client address's /24 or /48 network, never the address).
 */
export async function listDevices(
  db: Executor,
  input: { userId: string; currentSessionId: string; now: Date; policy: SessionPolicy },
) {
  const rows = await db
    .select()
    .from(userSessions)
    .where(and(eq(userSessions.userId, input.userId), isNull(userSessions.revokedAt)))
    .orderBy(desc(userSessions.lastSeenAt));
  return rows
    .filter((row) => sessionState(row, input.now, input.policy) === 'active')
    .map((row) => ({
      id: row.id,
      device: describeDevice(row.userAgent),
      signedInAt: row.createdAt,
      lastUsedAt: row.lastSeenAt,
      trusted: row.trusted,
      network: coarseNetwork(row.ipAddress),
      /** The password was given here but not yet the second factor: someone may know the password. */
      awaitingCode: row.secondFactorPendingAt !== null,
      current: row.id === input.currentSessionId,
    }));
}

/** Signs one of the user's own devices out: its session row is revoked, so its cookie is worthless. */
export async function signOutDevice(db: Executor, input: { userId: string; sessionId: string; now: Date }) {
  const [row] = await db
    .update(userSessions)
    .set({ revokedAt: input.now, revokedReason: 'signed_out_from_account' })
    .where(
      and(eq(userSessions.id, input.sessionId), eq(userSessions.userId, input.userId), isNull(userSessions.revokedAt)),
    )
    .returning({ id: userSessions.id });
  if (!row) throw notFound('That device');
  return { signedOut: true };
}

/** Signs out every session of the user but this one. */
export async function signOutOtherDevices(
  db: Executor,
  input: { userId: string; currentSessionId: string; now: Date },
) {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: input.now, revokedReason: 'signed_out_from_account' })
    .where(
      and(
        eq(userSessions.userId, input.userId),
        ne(userSessions.id, input.currentSessionId),
        isNull(userSessions.revokedAt),
      ),
    )
    .returning({ id: userSessions.id });
  return { signedOut: rows.length };
}
