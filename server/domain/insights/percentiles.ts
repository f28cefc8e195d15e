/**
 * The p-th percentile (0–1) of `values` by linear interpolation between the closest ranks — the
 * same figure as PostgreSQL's percentile_cont — or null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(Math.max(p, 0), 1) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const low = sorted[lower] ?? 0;
  const high = sorted[upper] ?? low;
  return low + (high - low) * (rank - lower);
}

export type Spread = { count: number; median: number | null; p90: number | null };

/** Median and 90th percentile of durations (or any figures), with how many there were. */
export function spreadOf(values: readonly number[]): Spread {
  return { count: values.length, median: percentile(values, 0.5), p90: percentile(values, 0.9) };
}

/** "3 h 20 min", "2 d 4 h", "45 min", "under a minute": a duration in seconds for a person. */
export function durationWords(seconds: number | null): string {
  if (seconds === null) return '—';
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}
