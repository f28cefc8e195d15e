import { describe, expect, it } from 'vitest';
import { LAST_SEEN_WRITE_INTERVAL_MS, sessionState, shouldTouchSession } from './session-policy';

const timeouts = { idleMs: 60 * 60_000, absoluteMs: 12 * 3600_000 };
const start = new Date('2025-03-10T08:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe('sessionState', () => {
  it('keeps a session used within the idle timeout active', () => {
    expect(sessionState({ createdAt: start, lastSeenAt: at(30), revokedAt: null }, at(89), timeouts)).toBe('active');
  });

  it('ends a session left alone for the idle timeout', () => {
    expect(sessionState({ createdAt: start, lastSeenAt: at(30), revokedAt: null }, at(90), timeouts)).toBe(
      'idle_timeout',
    );
  });

  it('ends a session at its absolute lifetime even while it is in use', () => {
    const busy = { createdAt: start, lastSeenAt: at(12 * 60 - 1), revokedAt: null };
    expect(sessionState(busy, at(12 * 60 - 1), timeouts)).toBe('active');
    expect(sessionState(busy, at(12 * 60), timeouts)).toBe('lifetime_exceeded');
  });

  it('reports a revoked session as revoked, whatever its times', () => {
    expect(sessionState({ createdAt: start, lastSeenAt: at(1), revokedAt: at(1) }, at(2), timeouts)).toBe('revoked');
  });
});

describe('shouldTouchSession', () => {
  it('writes last-seen at most once per interval', () => {
    expect(shouldTouchSession(start, new Date(start.getTime() + LAST_SEEN_WRITE_INTERVAL_MS - 1))).toBe(false);
    expect(shouldTouchSession(start, new Date(start.getTime() + LAST_SEEN_WRITE_INTERVAL_MS))).toBe(true);
  });
});
