/** Session lifetimes: both are enforced against the database row on every request. */
export type SessionTimeouts = { idleMs: number; absoluteMs: number };

/**
 * The lifetimes of the two kinds of session: a standard one, and one on a device the member asked
 * to keep signed in ("trusted").
 */
export type SessionPolicy = { standard: SessionTimeouts; trusted: SessionTimeouts };

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; revokedAt: Date | null; trusted?: boolean };

export type SessionState = 'active' | 'revoked' | 'idle_timeout' | 'lifetime_exceeded';

/** The timeouts that apply to one session: the trusted ones only when it was opened as trusted. */
export function timeoutsFor(session: Pick<SessionTimes, 'trusted'>, policy: SessionPolicy): SessionTimeouts {
  return session.trusted ? policy.trusted : policy.standard;
}

/** Whether a session still counts at `now`, and otherwise why not. */
export function sessionState(session: SessionTimes, now: Date, policy: SessionPolicy): SessionState {
  const timeouts = timeoutsFor(session, policy);
  if (session.revokedAt) return 'revoked';
  if (now.getTime() - session.createdAt.getTime() >= timeouts.absoluteMs) return 'lifetime_exceeded';
  if (now.getTime() - session.lastSeenAt.getTime() >= timeouts.idleMs) return 'idle_timeout';
  return 'active';
}

/**
 * How long the session cookie may live: as long as the longest session, so that the cookie never
 * ends a trusted session before its row does. The row decides for every shorter session.
 */
export function cookieLifetimeSeconds(policy: SessionPolicy): number {
  return Math.ceil(Math.max(policy.standard.absoluteMs, policy.trusted.absoluteMs) / 1000);
}

/**
 * Writing last_seen_at on every request would turn every read into a write; a minute of slack is
 * far below any sensible idle timeout.
 */
export const LAST_SEEN_WRITE_INTERVAL_MS = 60_000;

export function shouldTouchSession(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_WRITE_INTERVAL_MS;
}
