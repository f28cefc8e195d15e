import { dayKey, midnightIn, monthsEndingAt, type Period } from './calendar';

export type InsightsRange = {
  /** The calendar days chosen (or defaulted), both included, as YYYY-MM-DD in the zone. */
  from: string;
  to: string;
  /** The instants they span: [midnight of `from`, midnight after `to`). */
  start: Date;
  end: Date;
  /** The twelve months of the spend chart, ending with `to`'s month. */
  months: Period[];
};

const ymd = (key: string) => key.split('-').map(Number) as [number, number, number];

/** The day after a YYYY-MM-DD day, as numbers. */
function nextDay(key: string): [number, number, number] {
  const [y, m, d] = ymd(key);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
}

/**
 * The range the charts read: the chosen days, else up to today (in the organization's zone) from
 * the first day of the month eleven months before — the same twelve months the spend chart shows.
 */
export function insightsRange(input: { from?: string; to?: string }, now: Date, timeZone: string): InsightsRange {
  const to = input.to ?? dayKey(now, timeZone);
  const [ty, tm, td] = ymd(to);
  const toStart = midnightIn(ty, tm, td, timeZone);
  const months = monthsEndingAt(toStart, 12, timeZone);
  const from = input.from ?? months[0]?.key.concat('-01') ?? to;
  const [fy, fm, fd] = ymd(from);
  const [ny, nm, nd] = nextDay(to);
  return { from, to, start: midnightIn(fy, fm, fd, timeZone), end: midnightIn(ny, nm, nd, timeZone), months };
}
