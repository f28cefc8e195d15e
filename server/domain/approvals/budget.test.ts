import { describe, expect, it } from 'vitest';
import {
  budgetLines,
  budgetMonthWords,
  budgetWords,
  budgetWordsWithoutAmounts,
  describeBudget,
  monthStartUtc,
  nextMonthStartUtc,
  type BudgetLimit,
} from './budget';
import { limitExceeded } from './evaluate';

const month = (limitMinor: number): BudgetLimit => ({ limitMinor, period: 'month' });
const perOrder = (limitMinor: number): BudgetLimit => ({ limitMinor, period: 'order' });

describe('budgetLines and their words', () => {
  it.each([
    {
      name: 'within a monthly limit',
      spent: 120_000,
      order: 67_500,
      limit: month(500_000),
      over: false,
      bar: { before: 24, order: 13.5, limit: 100 },
      words: 'Spent $1,200.00 of $5,000.00 this month; this order adds $675.00 (37 %).',
      quiet: 'Within the monthly limit this month, with this order.',
    },
    {
      name: 'exactly at a monthly limit (not over: the policy asks only above it)',
      spent: 432_500,
      order: 67_500,
      limit: month(500_000),
      over: false,
      bar: { before: 86.5, order: 13.5, limit: 100 },
      words: 'Spent $4,325.00 of $5,000.00 this month; this order adds $675.00 (100 %, exactly the limit).',
      quiet: 'Within the monthly limit this month, with this order.',
    },
    {
      name: 'one cent under a monthly limit reads 99 %, never 100 %',
      spent: 432_499,
      order: 67_500,
      limit: month(500_000),
      over: false,
      bar: { before: 86.5, order: 13.5, limit: 100 },
      words: 'Spent $4,324.99 of $5,000.00 this month; this order adds $675.00 (99 %).',
      quiet: 'Within the monthly limit this month, with this order.',
    },
    {
      name: 'this order puts the month over',
      spent: 480_000,
      order: 67_500,
      limit: month(500_000),
      over: true,
      bar: { before: 87.7, order: 12.3, limit: 91.3 },
      words: 'Spent $4,800.00 of $5,000.00 this month; this order adds $675.00 — $475.00 over.',
      quiet: 'This order puts spending this month over the monthly limit.',
    },
    {
      name: 'the month was over before this order',
      spent: 520_000,
      order: 10_000,
      limit: month(500_000),
      over: true,
      bar: { before: 98.1, order: 1.9, limit: 94.3 },
      words: 'Spent $5,200.00 of $5,000.00 this month, already over; this order adds $100.00 — $300.00 over.',
      quiet: 'Already over the monthly limit this month before this order.',
    },
    {
      name: 'nothing spent yet this month',
      spent: 0,
      order: 67_500,
      limit: month(500_000),
      over: false,
      bar: { before: 0, order: 13.5, limit: 100 },
      words: 'Spent nothing of $5,000.00 this month; this order adds $675.00 (13 %).',
      quiet: 'Within the monthly limit this month, with this order.',
    },
    {
      name: 'this order alone over the per-order limit (the month’s spend does not count)',
      spent: 900_000,
      order: 67_500,
      limit: perOrder(50_000),
      over: true,
      bar: { before: 0, order: 100, limit: 74.1 },
      words: 'This order is $675.00; the limit per order is $500.00 — $175.00 over.',
      quiet: 'Over the limit per order.',
    },
    {
      name: 'within the per-order limit',
      spent: 0,
      order: 67_500,
      limit: perOrder(100_000),
      over: false,
      bar: { before: 0, order: 67.5, limit: 100 },
      words: 'This order is $675.00; the limit per order is $1,000.00 — within it.',
      quiet: 'Within the limit per order.',
    },
    {
      name: 'exactly the per-order limit',
      spent: 10_000,
      order: 100_000,
      limit: perOrder(100_000),
      over: false,
      bar: { before: 0, order: 100, limit: 100 },
      words: 'This order is $1,000.00; the limit per order is $1,000.00 — exactly the limit.',
      quiet: 'Within the limit per order.',
    },
  ])('$name', ({ spent, order, limit, over, bar, words, quiet }) => {
    const [line] = budgetLines({ spentMinor: spent, orderMinor: order, limits: [limit] });
    if (!line) throw new Error('no line');
    expect(line.over).toBe(over);
    // The bar and the words agree with the decision the approval policy takes.
    expect(line.over).toBe(
      limitExceeded(
        { id: 'l', authorizerMembershipIds: [], ...limit },
        { totalMinor: order, itemCount: 1, skuCount: 1, shippingMinor: 0 },
        {
          membershipId: 'm',
          unitPath: [],
          roleIds: [],
          hasLimitedBudget: true,
          monthToDateMinor: spent,
        },
      ),
    );
    expect(line.bar).toEqual(bar);
    expect(budgetWords(line, 'USD', 'this month')).toBe(words);
    expect(budgetWordsWithoutAmounts(line, 'this month')).toBe(quiet);
  });

  it('orders several limits monthly first, then per order, lowest first', () => {
    const lines = budgetLines({
      spentMinor: 100_000,
      orderMinor: 60_000,
      limits: [perOrder(100_000), month(500_000), perOrder(50_000), month(150_000)],
    });
    expect(lines.map((line) => [line.period, line.limitMinor, line.beforeMinor, line.over])).toEqual([
      ['month', 150_000, 100_000, true],
      ['month', 500_000, 100_000, false],
      ['order', 50_000, 0, true],
      ['order', 100_000, 0, false],
    ]);
  });

  it('has nothing to say per limit when no limit applies', () => {
    expect(budgetLines({ spentMinor: 5_000, orderMinor: 1_000, limits: [] })).toEqual([]);
  });
});

describe('describeBudget', () => {
  const input = {
    spentMinor: 120_000,
    orderMinor: 67_500,
    limits: [month(500_000), perOrder(50_000)],
    currency: 'USD',
    month: 'this month',
  };

  it('gives someone who may see prices the amounts, the bar and the words', () => {
    expect(describeBudget(input, { prices: true })).toEqual({
      lines: [
        {
          period: 'month',
          over: false,
          words: 'Spent $1,200.00 of $5,000.00 this month; this order adds $675.00 (37 %).',
          amounts: { currency: 'USD', beforeMinor: 120_000, orderMinor: 67_500, limitMinor: 500_000, overMinor: 0 },
          bar: { before: 24, order: 13.5, limit: 100 },
        },
        {
          period: 'order',
          over: true,
          words: 'This order is $675.00; the limit per order is $500.00 — $175.00 over.',
          amounts: { currency: 'USD', beforeMinor: 0, orderMinor: 67_500, limitMinor: 50_000, overMinor: 17_500 },
          bar: { before: 0, order: 100, limit: 74.1 },
        },
      ],
      noLimit: null,
    });
  });

  it('gives someone who may not see prices within or over in words, and no amount or bar', () => {
    const quiet = describeBudget(input, { prices: false });
    expect(quiet).toEqual({
      lines: [
        { period: 'month', over: false, words: 'Within the monthly limit this month, with this order.' },
        { period: 'order', over: true, words: 'Over the limit per order.' },
      ],
      noLimit: null,
    });
    expect(JSON.stringify(quiet)).not.toMatch(/\$|\d/);
  });

  it.each([
    [true, 'No spending limit applies to the requester; spent $1,200.00 this month besides this order.'],
    [false, 'No spending limit applies to the requester.'],
  ])('says so when no limit applies (prices: %s)', (prices, words) => {
    expect(describeBudget({ ...input, limits: [] }, { prices })).toEqual({ lines: [], noLimit: words });
  });

  it('writes amounts in the organization’s currency', () => {
    const [line] = describeBudget(
      { ...input, currency: 'JPY', spentMinor: 12_000, orderMinor: 6_750 },
      { prices: true },
    ).lines;
    expect(line?.words).toBe('Spent ¥12,000 of ¥500,000 this month; this order adds ¥6,750 (3 %).');
  });
});

describe('the month a limit counts in (UTC)', () => {
  it.each([
    ['2026-11-23T02:42:00Z', '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'],
    ['2026-12-01T00:00:00Z', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ['2026-12-31T23:59:59Z', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ['2027-01-01T00:00:00Z', '2027-01-01T00:00:00.000Z', '2027-02-01T00:00:00.000Z'],
  ])('%s is in the month from %s to %s', (at, start, next) => {
    expect(monthStartUtc(new Date(at)).toISOString()).toBe(start);
    expect(nextMonthStartUtc(new Date(at)).toISOString()).toBe(next);
  });

  it.each([
    ['2026-03-31T23:59:59Z', '2026-03-01T00:00:00Z', 'this month'],
    // Already April in Tokyo, still March in UTC: the order counts in March, like the policy counts it.
    ['2026-03-31T20:00:00Z', '2026-03-31T23:00:00Z', 'this month'],
    ['2026-03-31T23:59:59Z', '2026-04-01T00:00:00Z', 'in March 2026'],
    ['2025-12-15T10:00:00Z', '2026-01-02T00:00:00Z', 'in December 2025'],
  ])('an order of %s seen at %s counts %s', (submittedAt, now, words) => {
    expect(budgetMonthWords(new Date(submittedAt), new Date(now))).toBe(words);
  });
});
