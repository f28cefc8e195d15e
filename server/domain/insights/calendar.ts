/**
 * Months and days as an organization counts them: calendar periods in its IANA time zone. The
 * database groups rows by the same keys (`to_char(at at time zone zone, 'YYYY-MM')`); these give
 * the full list of periods of a chart (empty ones included) and the instants that bound them.
 */

const parts = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = parts.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    parts.set(timeZone, format);
  }
  return format;
}

type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The wall-clock reading of `at` in `timeZone`. */
export function wallClock(at: Date, timeZone: string): Wall {
  const read: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') read[part.type] = Number(part.value);
  }
  return {
    year: read.year ?? 0,
    month: read.month ?? 1,
    day: read.day ?? 1,
    hour: read.hour ?? 0,
    minute: read.minute ?? 0,
    second: read.second ?? 0,
  };
}

/** How far `timeZone` is ahead of UTC at `at`, in milliseconds. */
function offsetMs(at: Date, timeZone: string): number {
  const w = wallClock(at, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a wall-clock midnight (year, month 1–12, day) begins in `timeZone`. */
export function midnightIn(year: number, month: number, day: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day);
  // Two passes: the offset at the guess may differ from the one at the answer across a DST change.
  const first = guess - offsetMs(new Date(guess), timeZone);
  return new Date(guess - offsetMs(new Date(first), timeZone));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03": the calendar month `at` falls in, in `timeZone`. */
export function monthKey(at: Date, timeZone: string): string {
  const w = wallClock(at, timeZone);
  return `${w.year}-${pad(w.month)}`;
}

/** "2026-03-14": the calendar day `at` falls in, in `timeZone`. */
export function dayKey(at: Date, timeZone: string): string {
  const w = wallClock(at, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

function shiftMonth(year: number, month: number, by: number): [number, number] {
  const index = year * 12 + (month - 1) + by;
  return [Math.floor(index / 12), (index % 12) + 1];
}

export type Period = { key: string; start: Date; end: Date };

/** The `count` calendar months ending with the one `at` falls in, oldest first, with their bounds in `timeZone`. */
export function monthsEndingAt(at: Date, count: number, timeZone: string): Period[] {
  const w = wallClock(at, timeZone);
  return Array.from({ length: count }, (_, i) => {
    const [year, month] = shiftMonth(w.year, w.month, i - count + 1);
    const [nextYear, nextMonth] = shiftMonth(year, month, 1);
    return {
      key: `${year}-${pad(month)}`,
      start: midnightIn(year, month, 1, timeZone),
      end: midnightIn(nextYear, nextMonth, 1, timeZone),
    };
  });
}

/** The `count` calendar days ending with the one `at` falls in, oldest first, with their bounds in `timeZone`. */
export function daysEndingAt(at: Date, count: number, timeZone: string): Period[] {
  const w = wallClock(at, timeZone);
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(w.year, w.month - 1, w.day + i - count + 1));
    const next = new Date(Date.UTC(w.year, w.month - 1, w.day + i - count + 2));
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    return {
      key: `${y}-${pad(m)}-${pad(d)}`,
      start: midnightIn(y, m, d, timeZone),
      end: midnightIn(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone),
    };
  });
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mar 2026" for "2026-03"; "Mar 14" for "2026-03-14". */
export function periodLabel(key: string): string {
  const [year, month, day] = key.split('-');
  const name = MONTH_NAMES[Number(month) - 1] ?? month;
  return day ? `${name} ${Number(day)}` : `${name} ${year}`;
}
