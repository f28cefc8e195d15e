import { describe, expect, it } from 'vitest';
import { ageBucketOf, countByAge } from './ages';
import { dayKey, daysEndingAt, midnightIn, monthKey, monthsEndingAt, periodLabel } from './calendar';
import { monthlyLimitsByUnit, totalMonthlyLimit } from './limits';
import { approvalOutcome, countByOutcome } from './outcomes';
import { durationWords, percentile, spreadOf } from './percentiles';
import { countsByDay } from './days';
import { decisionSpreads } from './decisions';
import { insightsRange } from './range';
import { OTHER_UNITS, spendByMonthAndUnit } from './spend';

describe('percentiles', () => {
  it('interpolates between the closest ranks, like percentile_cont', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBe(91);
    expect(percentile([5], 0.9)).toBe(5);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('does not depend on the order of the values', () => {
    expect(percentile([9, 1, 5, 3, 7], 0.5)).toBe(5);
    expect(spreadOf([3600, 60, 7200])).toEqual({ count: 3, median: 3600, p90: 6480 });
  });

  it('writes durations for a person', () => {
    expect(durationWords(20)).toBe('under a minute');
    expect(durationWords(45 * 60)).toBe('45 min');
    expect(durationWords(3 * 3600 + 20 * 60)).toBe('3 h 20 min');
    expect(durationWords(52 * 3600)).toBe('2 d 4 h');
    expect(durationWords(null)).toBe('—');
  });
});

describe('months and days in the organization’s zone', () => {
  it('puts an instant in the month of the zone, not of UTC', () => {
    const at = new Date('2026-03-01T03:00:00Z'); // still Feb 28, 7 PM in Los Angeles
    expect(monthKey(at, 'UTC')).toBe('2026-03');
    expect(monthKey(at, 'America/Los_Angeles')).toBe('2026-02');
    expect(monthKey(new Date('2026-01-31T23:30:00Z'), 'Europe/Berlin')).toBe('2026-02');
    expect(dayKey(new Date('2026-01-31T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-02-01');
  });

  it('finds midnight in the zone, across daylight saving time', () => {
    expect(midnightIn(2026, 3, 1, 'America/Los_Angeles').toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(midnightIn(2026, 4, 1, 'America/Los_Angeles').toISOString()).toBe('2026-04-01T07:00:00.000Z');
    expect(midnightIn(2026, 11, 1, 'Europe/Berlin').toISOString()).toBe('2026-10-31T23:00:00.000Z');
  });

  it('lists twelve months ending with the current one, each bounded by the next', () => {
    const months = monthsEndingAt(new Date('2026-02-10T12:00:00Z'), 12, 'Europe/Berlin');
    expect(months.map((m) => m.key)).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(months[0]?.start.toISOString()).toBe('2025-02-28T23:00:00.000Z');
    expect(months[11]?.end.toISOString()).toBe('2026-02-28T23:00:00.000Z');
    months.slice(1).forEach((m, i) => expect(m.start).toEqual(months[i]?.end));
  });

  it('lists days ending with today in the zone', () => {
    const days = daysEndingAt(new Date('2026-03-08T06:00:00Z'), 3, 'America/New_York');
    expect(days.map((d) => d.key)).toEqual(['2026-03-06', '2026-03-07', '2026-03-08']);
    // Mar 8, 2026 is the spring-forward day in New York: 23 hours long.
    const last = days[2];
    expect(last && (last.end.getTime() - last.start.getTime()) / 3_600_000).toBe(23);
  });

  it('labels periods', () => {
    expect(periodLabel('2026-03')).toBe('Mar 2026');
    expect(periodLabel('2026-03-14')).toBe('Mar 14');
  });
});

describe('ages of waiting steps', () => {
  it('groups by whole days waited', () => {
    expect(ageBucketOf(0)).toBe('under1');
    expect(ageBucketOf(23)).toBe('under1');
    expect(ageBucketOf(24)).toBe('days1to3');
    expect(ageBucketOf(71)).toBe('days1to3');
    expect(ageBucketOf(72)).toBe('days3to7');
    expect(ageBucketOf(167)).toBe('days3to7');
    expect(ageBucketOf(168)).toBe('over7');
  });

  it('counts every group, empty ones too', () => {
    expect(
      countByAge([
        { hours: 2, count: 3 },
        { hours: 30, count: 1 },
        { hours: 500, count: 2 },
      ]).map((b) => b.count),
    ).toEqual([3, 1, 0, 2]);
  });
});

describe('limits summed over units', () => {
  const entries = [
    { unitId: 'u1', membershipId: 'm1', limitMinor: 100_000 },
    { unitId: 'u1', membershipId: 'm1', limitMinor: 500_000 }, // a higher tier of the same member
    { unitId: 'u1', membershipId: 'm2', limitMinor: 50_000 },
    { unitId: 'u2', membershipId: 'm3', limitMinor: 200_000 },
  ];

  it('takes each member’s lowest monthly entry and sums per unit', () => {
    expect(monthlyLimitsByUnit(entries)).toEqual(
      new Map([
        ['u1', 150_000],
        ['u2', 200_000],
      ]),
    );
  });

  it('sums the units', () => {
    expect(totalMonthlyLimit(entries)).toBe(350_000);
    expect(totalMonthlyLimit([])).toBe(0);
  });
});

describe('spend per month by unit', () => {
  const months = monthsEndingAt(new Date('2026-03-15T00:00:00Z'), 3, 'UTC');
  const names = new Map([
    ['a', 'Alpha'],
    ['b', 'Beta'],
    ['c', 'Gamma'],
  ]);

  it('fills every month and unit, and totals per month', () => {
    const chart = spendByMonthAndUnit(
      [
        { month: '2026-01', unitId: 'a', amountMinor: 100 },
        { month: '2026-03', unitId: 'a', amountMinor: 50 },
        { month: '2026-03', unitId: 'b', amountMinor: 70 },
        { month: '2025-12', unitId: 'b', amountMinor: 999 }, // outside the months: left out
      ],
      months,
      names,
    );
    expect(chart.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(chart.series.map((s) => s.label)).toEqual(['Beta', 'Alpha']);
    expect(chart.values).toEqual([
      { a: 100, b: 0 },
      { a: 0, b: 0 },
      { a: 50, b: 70 },
    ]);
    expect(chart.monthTotals).toEqual([100, 0, 120]);
  });

  it('folds the smallest units into "Other units"', () => {
    const chart = spendByMonthAndUnit(
      [
        { month: '2026-03', unitId: 'a', amountMinor: 300 },
        { month: '2026-03', unitId: 'b', amountMinor: 200 },
        { month: '2026-03', unitId: 'c', amountMinor: 100 },
      ],
      months,
      names,
      2,
    );
    expect(chart.series.map((s) => [s.key, s.totalMinor])).toEqual([
      ['a', 300],
      [OTHER_UNITS, 300],
    ]);
    expect(chart.values[2]).toEqual({ a: 300, [OTHER_UNITS]: 300 });
  });
});

describe('approval outcomes', () => {
  it('reads the outcome from the status and whether steps were made', () => {
    expect(approvalOutcome('shipped', true)).toBe('approved');
    expect(approvalOutcome('shipped', false)).toBe('not_needed');
    expect(approvalOutcome('declined', true)).toBe('declined');
    expect(approvalOutcome('pending_approval', true)).toBe('waiting');
    expect(approvalOutcome('canceled', true)).toBe('canceled');
  });

  it('counts every outcome', () => {
    const counts = countByOutcome([
      { status: 'deposited', hadSteps: true, count: 4 },
      { status: 'released', hadSteps: true, count: 1 },
      { status: 'released', hadSteps: false, count: 7 },
    ]);
    expect(Object.fromEntries(counts.map((c) => [c.key, c.count]))).toEqual({
      not_needed: 7,
      approved: 5,
      waiting: 0,
      declined: 0,
      canceled: 0,
    });
  });
});

describe('the range the charts read', () => {
  it('defaults to twelve months up to today in the zone', () => {
    const range = insightsRange({}, new Date('2026-03-01T03:00:00Z'), 'America/Los_Angeles');
    expect(range.to).toBe('2026-02-28');
    expect(range.from).toBe('2025-03-01');
    expect(range.start.toISOString()).toBe('2025-03-01T08:00:00.000Z');
    expect(range.end.toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(range.months.map((m) => m.key).at(-1)).toBe('2026-02');
  });

  it('takes the chosen days, both included', () => {
    const range = insightsRange({ from: '2026-01-10', to: '2026-01-31' }, new Date('2026-06-01T00:00:00Z'), 'UTC');
    expect(range.start.toISOString()).toBe('2026-01-10T00:00:00.000Z');
    expect(range.end.toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(range.months[0]?.key).toBe('2025-02');
  });
});

describe('time to decision per authorizer and per rule', () => {
  it('pools each authorizer’s steps across rules and each rule’s across authorizers', () => {
    const { byAuthorizer, byRule } = decisionSpreads([
      { membershipId: 'm1', name: 'Ann', ruleKey: 'r1', ruleName: 'Over 10,000', seconds: [60, 180] },
      { membershipId: 'm1', name: 'Ann', ruleKey: 'limits', ruleName: null, seconds: [120] },
      { membershipId: 'm2', name: 'Bob', ruleKey: 'r1', ruleName: 'Over 10,000', seconds: [3600] },
    ]);
    expect(byAuthorizer).toEqual([
      { key: 'm2', label: 'Bob', count: 1, median: 3600, p90: 3600 },
      { key: 'm1', label: 'Ann', count: 3, median: 120, p90: 168 },
    ]);
    expect(byRule.map((r) => [r.label, r.count, r.median])).toEqual([
      ['Over 10,000', 3, 180],
      ['Spending limits', 1, 120],
    ]);
  });
});

describe('counts per day', () => {
  it('fills every day and key, and leaves out days outside the range', () => {
    const days = daysEndingAt(new Date('2026-03-03T12:00:00Z'), 2, 'UTC');
    expect(
      countsByDay(
        [
          { day: '2026-03-03', key: 'shipped', count: 2 },
          { day: '2026-03-03', key: 'shipped', count: 1 },
          { day: '2026-02-01', key: 'shipped', count: 9 },
        ],
        days,
        ['shipped', 'canceled'],
      ),
    ).toEqual([
      { shipped: 0, canceled: 0 },
      { shipped: 3, canceled: 0 },
    ]);
  });
});
