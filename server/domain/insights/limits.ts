/** A member's monthly spending-limit entry, with the unit the member belongs to. */
export type MonthlyLimitEntry = { unitId: string; membershipId: string; limitMinor: number };

/**
 * What a set of units may spend in a month without approval: per member the lowest monthly entry
 * (above it, approval is needed; the higher entries only add approvers), summed over the members of
 * each unit, then over the units. Members without a monthly limit add nothing.
 */
export function monthlyLimitsByUnit(entries: readonly MonthlyLimitEntry[]): Map<string, number> {
  const lowest = new Map<string, { unitId: string; limitMinor: number }>();
  for (const entry of entries) {
    const seen = lowest.get(entry.membershipId);
    if (!seen || entry.limitMinor < seen.limitMinor)
      lowest.set(entry.membershipId, { unitId: entry.unitId, limitMinor: entry.limitMinor });
  }
  const byUnit = new Map<string, number>();
  for (const { unitId, limitMinor } of lowest.values()) byUnit.set(unitId, (byUnit.get(unitId) ?? 0) + limitMinor);
  return byUnit;
}

/** The sum of the units' monthly limits. */
export function totalMonthlyLimit(entries: readonly MonthlyLimitEntry[]): number {
  let total = 0;
  for (const limit of monthlyLimitsByUnit(entries).values()) total += limit;
  return total;
}
