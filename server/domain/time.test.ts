import { describe, expect, it } from 'vitest';
import { formatTimestamp, isKnownTimeZone } from './time';

describe('formatTimestamp', () => {
  it.each([
    ['2026-11-23T10:42:59.999Z', 'UTC', 'Nov 23, 2026, 10:42 AM UTC'],
    // The minute is cut, not rounded: 23:59:59 is still the last day of the year.
    ['2026-12-31T23:59:59.000Z', 'UTC', 'Dec 31, 2026, 11:59 PM UTC'],
    ['2026-11-23T10:42:00.000Z', 'America/Los_Angeles', 'Nov 23, 2026, 2:42 AM PST'],
    // Summer time where the zone has it.
    ['2026-06-15T09:30:00Z', 'America/New_York', 'Jun 15, 2026, 5:30 AM EDT'],
    // Across midnight the date moves with the zone.
    ['2026-11-23T23:30:00.000Z', 'Asia/Tokyo', 'Nov 24, 2026, 8:30 AM GMT+9'],
    // An unknown or missing zone reads UTC rather than failing the page.
    ['2026-11-23T10:42:00.000Z', 'Mars/Olympus', 'Nov 23, 2026, 10:42 AM UTC'],
    ['2026-11-23T10:42:00.000Z', null, 'Nov 23, 2026, 10:42 AM UTC'],
  ])('%s in %s reads %s', (iso, zone, expected) => {
    expect(formatTimestamp(new Date(iso), zone)).toBe(expected);
  });

  it('knows IANA zones and refuses made-up ones', () => {
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
  });
});
