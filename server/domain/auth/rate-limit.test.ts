import { describe, expect, it } from 'vitest';
import { describeRetryAfter, rateLimitVerdict } from './rate-limit';

const rule = { max: 5, windowMs: 15 * 60_000 };
const windowStartedAt = new Date('2025-03-10T08:00:00Z');
const at = (minutes: number) => new Date(windowStartedAt.getTime() + minutes * 60_000);

describe('rateLimitVerdict', () => {
  it('allows the first event', () => {
    expect(rateLimitVerdict(undefined, rule, at(0))).toEqual({ allowed: true });
  });

  it('allows events below the maximum within the window', () => {
    expect(rateLimitVerdict({ windowStartedAt, count: 4 }, rule, at(5))).toEqual({ allowed: true });
  });

  it('refuses at the maximum until the window ends, saying how long to wait', () => {
    expect(rateLimitVerdict({ windowStartedAt, count: 5 }, rule, at(5))).toEqual({
      allowed: false,
      retryAfterMs: 10 * 60_000,
    });
  });

  it('allows again once the window has passed', () => {
    expect(rateLimitVerdict({ windowStartedAt, count: 50 }, rule, at(15))).toEqual({ allowed: true });
  });
});

describe('describeRetryAfter', () => {
  it('rounds up to whole minutes and never says zero', () => {
    expect(describeRetryAfter(1_000)).toBe('a minute');
    expect(describeRetryAfter(60_001)).toBe('2 minutes');
    expect(describeRetryAfter(10 * 60_000)).toBe('10 minutes');
  });
});
