import type { Period } from './calendar';

export type SpendRow = { month: string; unitId: string; amountMinor: number };
export type SpendSeries = { key: string; label: string; totalMinor: number };
export type SpendChart = {
  months: string[];
  series: SpendSeries[];
  /** Per month, per series key, in minor units; every month and series present. */
  values: Record<string, number>[];
  monthTotals: number[];
};

/** More units than this and the smallest are shown together: a stack of twenty colours reads as none. */
export const MAX_SPEND_SERIES = 6;
export const OTHER_UNITS = 'other';

/**
 * Spend per month stacked by unit: the largest units (by spend over all the months) keep their own
 * series, the rest are summed into "Other units". Months without orders are there with zeros.
 */
export function spendByMonthAndUnit(
  rows: readonly SpendRow[],
  months: readonly Period[],
  unitNames: ReadonlyMap<string, string>,
  maxSeries = MAX_SPEND_SERIES,
): SpendChart {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.unitId, (totals.get(row.unitId) ?? 0) + row.amountMinor);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const overflow = ranked.length > maxSeries;
  const kept = overflow ? ranked.slice(0, maxSeries - 1) : ranked;
  const keptIds = new Set(kept.map(([id]) => id));
  const series: SpendSeries[] = kept.map(([id, totalMinor]) => ({
    key: id,
    label: unitNames.get(id) ?? 'Unit no longer there',
    totalMinor,
  }));
  if (overflow) {
    const rest = ranked.slice(maxSeries - 1).reduce((sum, [, amount]) => sum + amount, 0);
    series.push({ key: OTHER_UNITS, label: 'Other units', totalMinor: rest });
  }
  const index = new Map(months.map((month, i) => [month.key, i]));
  const values = months.map(() => Object.fromEntries(series.map((s) => [s.key, 0])) as Record<string, number>);
  for (const row of rows) {
    const i = index.get(row.month);
    const bucket = i === undefined ? undefined : values[i];
    if (!bucket) continue;
    const key = keptIds.has(row.unitId) ? row.unitId : OTHER_UNITS;
    bucket[key] = (bucket[key] ?? 0) + row.amountMinor;
  }
  return {
    months: months.map((month) => month.key),
    series,
    values,
    monthTotals: values.map((bucket) => Object.values(bucket).reduce((sum, v) => sum + v, 0)),
  };
}
