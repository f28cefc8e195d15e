import type { Period } from './calendar';

/** Per day (every day present, zeros included) per series key, from (day, key, count) rows. */
export function countsByDay<K extends string>(
  rows: readonly { day: string; key: K; count: number }[],
  days: readonly Period[],
  keys: readonly K[],
): Record<K, number>[] {
  const index = new Map(days.map((day, i) => [day.key, i]));
  const values = days.map(() => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>);
  for (const row of rows) {
    const i = index.get(row.day);
    const bucket = i === undefined ? undefined : values[i];
    if (bucket && row.key in bucket) bucket[row.key] += row.count;
  }
  return values;
}
