import { describe, expect, it } from 'vitest';
import { formatTimestamp } from './time';

describe('formatTimestamp', () => {
  it.each([
    ['2026-11-23T10:42:59.999Z', '2026-11-23 10:42 UTC'],
    ['2026-01-01T00:00:00.000Z', '2026-01-01 00:00 UTC'],
    // The minute is cut, not rounded: 23:59:59 is still the last day of the year.
    ['2026-12-31T23:59:59.000Z', '2026-12-31 23:59 UTC'],
    // A moment given with an offset reads in UTC.
    ['2026-06-15T09:30:00+02:00', '2026-06-15 07:30 UTC'],
  ])('%s reads %s', (iso, expected) => {
    expect(formatTimestamp(new Date(iso))).toBe(expected);
  });
});
