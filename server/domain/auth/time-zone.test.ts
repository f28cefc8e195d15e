import { describe, expect, it } from 'vitest';
import { zoneFromBrowser } from './time-zone';

const CHOSEN = new Date('2026-11-01T00:00:00Z');

describe('zoneFromBrowser', () => {
  it.each<[string, unknown, { timeZone: string | null; timeZoneChosenAt: Date | null }, string | null]>([
    [
      'keeps the browser zone of a person without one',
      'America/Los_Angeles',
      { timeZone: null, timeZoneChosenAt: null },
      'America/Los_Angeles',
    ],
    ['follows a browser that moved', 'Asia/Tokyo', { timeZone: 'Europe/Berlin', timeZoneChosenAt: null }, 'Asia/Tokyo'],
    [
      'writes nothing when it did not change',
      'Europe/Berlin',
      { timeZone: 'Europe/Berlin', timeZoneChosenAt: null },
      null,
    ],
    [
      'never overrides a zone chosen in My account',
      'Asia/Tokyo',
      { timeZone: 'Europe/Berlin', timeZoneChosenAt: CHOSEN },
      null,
    ],
    ['ignores a made-up zone', 'Mars/Olympus', { timeZone: 'Europe/Berlin', timeZoneChosenAt: null }, null],
    ['ignores an over-long value', `Europe/${'x'.repeat(80)}`, { timeZone: null, timeZoneChosenAt: null }, null],
    ['ignores a missing value', undefined, { timeZone: null, timeZoneChosenAt: null }, null],
    ['ignores a value that is not text', 42, { timeZone: null, timeZoneChosenAt: null }, null],
  ])('%s', (_case, reported, person, expected) => {
    expect(zoneFromBrowser(reported, person)).toBe(expected);
  });
});
