import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { userSessions } from '@/db/schema';
import { describeDevice } from '@/server/domain/auth/device-words';
import { sessionState, type SessionPolicy } from '@/server/domain/auth/session-policy';
import { notFound } from '@/server/domain/errors';

/** The devices signed in as this user right now (sessions that still count), latest used first. */
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
