import { describe, expect, it } from 'vitest';
import { MAX_SEND_ATTEMPTS, nextAttemptAt, shouldGiveUp } from './retry-policy';

const now = new Date('2025-03-10T08:00:00Z');
const delayAfter = (attempts: number) => nextAttemptAt(attempts, now).getTime() - now.getTime();

describe('nextAttemptAt', () => {
  it('waits 30 seconds after the first failure and doubles after each further one', () => {
    expect([1, 2, 3, 4].map(delayAfter)).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('never waits more than an hour', () => {
    expect(delayAfter(20)).toBe(3600_000);
  });
});

describe('shouldGiveUp', () => {
  it('keeps trying until the maximum number of attempts', () => {
    expect(shouldGiveUp(MAX_SEND_ATTEMPTS - 1)).toBe(false);
    expect(shouldGiveUp(MAX_SEND_ATTEMPTS)).toBe(true);
  });
});
