/** The age groups of waiting approval steps and of the payment-review backlog. */
export const AGE_BUCKETS = [
  { key: 'under1', label: 'Under 1 day', maxHours: 24 },
  { key: 'days1to3', label: '1–3 days', maxHours: 72 },
  { key: 'days3to7', label: '3–7 days', maxHours: 168 },
  { key: 'over7', label: 'Over 7 days', maxHours: Infinity },
] as const;

export type AgeBucketKey = (typeof AGE_BUCKETS)[number]['key'];

/** The group of something waiting `hours` (a day is 24 hours; the lower bound belongs to the older group). */
export function ageBucketOf(hours: number): AgeBucketKey {
  return (AGE_BUCKETS.find((bucket) => hours < bucket.maxHours) ?? AGE_BUCKETS[3]).key;
}

/** Counts per age group, every group present, from (whole hours waited, how many) pairs. */
export function countByAge(rows: readonly { hours: number; count: number }[]) {
  const counts = new Map<AgeBucketKey, number>(AGE_BUCKETS.map((bucket) => [bucket.key, 0]));
  for (const row of rows) {
    const key = ageBucketOf(row.hours);
    counts.set(key, (counts.get(key) ?? 0) + row.count);
  }
  return AGE_BUCKETS.map((bucket) => ({ key: bucket.key, label: bucket.label, count: counts.get(bucket.key) ?? 0 }));
}
