import { describe, expect, it } from 'vitest';
import {
  cookieLifetimeSeconds,
  LAST_SEEN_WRITE_INTERVAL_MS,
  sessionState,
  shouldTouchSession,
  type SessionState,
} from './session-policy';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const policy = {
  standard: { idleMs: 60 * 60_000, absoluteMs: 12 * HOUR },
  trusted: { idleMs: 7 * DAY, absoluteMs: 30 * DAY },
};
const start = new Date('2025-03-10T08:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);

describe('sessionState', () => {
  const cases: [string, { trusted: boolean; lastSeen: number; revoked?: boolean }, number, SessionState][] = [
    [
      'a standard session used within the idle timeout',
      { trusted: false, lastSeen: 30 * 60_000 },
      89 * 60_000,
      'active',
    ],
    [
      'a standard session left alone for an hour',
      { trusted: false, lastSeen: 30 * 60_000 },
      90 * 60_000,
      'idle_timeout',
    ],
    [
      'a standard session in use at 12 hours less a minute',
      { trusted: false, lastSeen: 12 * HOUR - 60_000 },
      12 * HOUR - 60_000,
      'active',
    ],
    [
      'a standard session in use at 12 hours',
      { trusted: false, lastSeen: 12 * HOUR - 60_000 },
      12 * HOUR,
      'lifetime_exceeded',
    ],
    ['a trusted session left alone for a night', { trusted: true, lastSeen: 0 }, 14 * HOUR, 'active'],
    ['a trusted session left alone for 6 days', { trusted: true, lastSeen: 2 * DAY }, 8 * DAY, 'active'],
    ['a trusted session left alone for 7 days', { trusted: true, lastSeen: 2 * DAY }, 9 * DAY, 'idle_timeout'],
    ['a trusted session in daily use at 29 days', { trusted: true, lastSeen: 29 * DAY - HOUR }, 29 * DAY, 'active'],
    [
      'a trusted session in daily use at 30 days',
      { trusted: true, lastSeen: 30 * DAY - HOUR },
      30 * DAY,
      'lifetime_exceeded',
    ],
    ['a revoked trusted session', { trusted: true, lastSeen: 0, revoked: true }, HOUR, 'revoked'],
    ['a revoked standard session', { trusted: false, lastSeen: 60_000, revoked: true }, 2 * 60_000, 'revoked'],
  ];

  it.each(cases)('%s', (_name, session, now, expected) => {
    const times = {
      createdAt: start,
      lastSeenAt: at(session.lastSeen),
      revokedAt: session.revoked ? at(1) : null,
      trusted: session.trusted,
    };
    expect(sessionState(times, at(now), policy)).toBe(expected);
  });

  it('treats a session without the trusted mark as standard', () => {
    expect(sessionState({ createdAt: start, lastSeenAt: start, revokedAt: null }, at(2 * HOUR), policy)).toBe(
      'idle_timeout',
    );
  });
});

describe('cookieLifetimeSeconds', () => {
  it('lasts as long as a trusted session, so the cookie never ends one first', () => {
    expect(cookieLifetimeSeconds(policy)).toBe(30 * 24 * 3600);
  });

  it('lasts as long as a standard session when that is the longer one', () => {
    const odd = { standard: { idleMs: HOUR, absoluteMs: 40 * DAY }, trusted: policy.trusted };
    expect(cookieLifetimeSeconds(odd)).toBe(40 * 24 * 3600);
  });
});

describe('shouldTouchSession', () => {
  it('writes last-seen at most once per interval', () => {
    expect(shouldTouchSession(start, new Date(start.getTime() + LAST_SEEN_WRITE_INTERVAL_MS - 1))).toBe(false);
    expect(shouldTouchSession(start, new Date(start.getTime() + LAST_SEEN_WRITE_INTERVAL_MS))).toBe(true);
  });
});
