import { spreadOf, type Spread } from './percentiles';

/** Seconds from pending to decision of one authorizer's steps under one rule (or the spending limits). */
export type DecisionTimes = {
  membershipId: string;
  name: string;
  ruleKey: string;
  ruleName: string | null;
  seconds: number[];
};
export type DecisionSpread = Spread & { key: string; label: string };

/** Where limit steps are gathered: they have no rule, and one row per limit entry would say nothing. */
export const LIMITS_RULE_KEY = 'limits';

function spreads(groups: Map<string, { label: string; seconds: number[] }>): DecisionSpread[] {
  return [...groups.entries()]
    .map(([key, group]) => ({ key, label: group.label, ...spreadOf(group.seconds) }))
    .sort((a, b) => (b.median ?? 0) - (a.median ?? 0) || a.label.localeCompare(b.label));
}

/** Median and 90th percentile of the time to decision per authorizer and per rule, slowest first. */
export function decisionSpreads(rows: readonly DecisionTimes[]) {
  const byAuthorizer = new Map<string, { label: string; seconds: number[] }>();
  const byRule = new Map<string, { label: string; seconds: number[] }>();
  for (const row of rows) {
    const seconds = row.seconds.map(Number);
    const person = byAuthorizer.get(row.membershipId) ?? { label: row.name, seconds: [] };
    person.seconds.push(...seconds);
    byAuthorizer.set(row.membershipId, person);
    const label = row.ruleKey === LIMITS_RULE_KEY ? 'Spending limits' : (row.ruleName ?? 'A rule since removed');
    const rule = byRule.get(row.ruleKey) ?? { label, seconds: [] };
    rule.seconds.push(...seconds);
    byRule.set(row.ruleKey, rule);
  }
  return { byAuthorizer: spreads(byAuthorizer), byRule: spreads(byRule) };
}
