import { describe, expect, it } from 'vitest';
import { captureIsDue, nextCaptureAttemptAt } from './capture-retry';

const now = new Date('2026-11-23T10:00:00Z');
const at = (iso: string) => new Date(iso);

describe('nextCaptureAttemptAt', () => {
  it.each([
    [1, '2026-11-23T10:15:00.000Z'],
    [2, '2026-11-23T11:00:00.000Z'],
    [3, '2026-11-23T14:00:00.000Z'],
    [4, '2026-11-23T22:00:00.000Z'],
    [5, '2026-11-24T10:00:00.000Z'],
  ])('after %i failed attempts waits until %s', (attempts, expected) => {
    expect(nextCaptureAttemptAt(attempts, now).toISOString()).toBe(expected);
  });

  it('keeps retrying once a day after that, and treats a nonsensical count as the first failure', () => {
    expect(nextCaptureAttemptAt(40, now).toISOString()).toBe('2026-11-24T10:00:00.000Z');
    expect(nextCaptureAttemptAt(0, now).toISOString()).toBe('2026-11-23T10:15:00.000Z');
  });
});

describe('captureIsDue', () => {
  it('is due when never tried, or when the back-off has passed (the boundary included)', () => {
    expect(captureIsDue({ captureNextAt: null }, now)).toBe(true);
    expect(captureIsDue({ captureNextAt: at('2026-11-23T09:59:00Z') }, now)).toBe(true);
    expect(captureIsDue({ captureNextAt: now }, now)).toBe(true);
  });

  it('is not due while the back-off runs', () => {
    expect(captureIsDue({ captureNextAt: at('2026-11-23T10:00:01Z') }, now)).toBe(false);
  });
});
