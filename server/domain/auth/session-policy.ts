/** Session lifetimes: both are enforced against the database row on every request. */
export type SessionTimeouts = { idleMs: number; absoluteMs: number };

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; revokedAt: Date | null };

export type SessionState = 'active' | 'revoked' | 'idle_timeout' | 'lifetime_exceeded';

export function sessionState(session: SessionTimes, now: Date, timeouts: SessionTimeouts): SessionState {
  if (session.revokedAt) return 'revoked';
  if (now.getTime() - session.createdAt.getTime() >= timeouts.absoluteMs) return 'lifetime_exceeded';
  if (now.getTime() - session.lastSeenAt.getTime() >= timeouts.idleMs) return 'idle_timeout';
  return 'active';
}

/**
 * Writing last_seen_at on every request would turn every read into a write; a minute of slack is
 * far below any sensible idle timeout.
 */
export const LAST_SEEN_WRITE_INTERVAL_MS = 60_000;

export function shouldTouchSession(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_WRITE_INTERVAL_MS;
}
