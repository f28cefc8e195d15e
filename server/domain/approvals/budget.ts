/**
 * The budget in view: a requester's spend against each of their spending limits, with the share
 * of the order an authorizer is asked about — the arithmetic, the bar and the words.
 *
 * Months are calendar months in UTC, because that is how the approval policy counts a monthly
 * limit (`monthToDateMinor`) and how the requester's home page shows "Spent this month". Drawing
 * the month in the viewer's zone would show a different figure from the one that made the step.
 */
import { formatMoney } from '../money';
import type { LimitPeriod } from './evaluate';

/** The first instant of `at`'s calendar month in UTC: the month a monthly limit counts an order in. */
export function monthStartUtc(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

/** The first instant of the calendar month (UTC) after `at`'s. */
export function nextMonthStartUtc(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
}

/** "in March 2026": the calendar month (UTC) of `at`, for words read later than written (an email). */
export function monthNameWords(at: Date): string {
  return `in ${at.toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' })}`;
}

/** "this month" for an order of `now`'s month (UTC), else "in March 2026": the month the order counts in. */
export function budgetMonthWords(submittedAt: Date, now: Date): string {
  return monthStartUtc(submittedAt).getTime() === monthStartUtc(now).getTime()
    ? 'this month'
    : monthNameWords(submittedAt);
}

export type BudgetLimit = { limitMinor: number; period: LimitPeriod };

/** One limit with this order's share, as the approval page draws it and the email writes it. */
export type BudgetLine = {
  period: LimitPeriod;
  limitMinor: number;
  /** What counts against the limit besides this order: the month's other orders, or nothing per order. */
  beforeMinor: number;
  orderMinor: number;
  afterMinor: number;
  /** Strictly above the limit with this order, as the approval policy decides (`limitExceeded`). */
  over: boolean;
  /** Over the limit even without this order (a monthly limit only). */
  alreadyOver: boolean;
  overMinor: number;
  /** Spent with this order as a share of the limit, whole percent rounded down (never "100 %" while below). */
  percent: number;
  /**
   * Positions on a bar scaled to the larger of the limit and the spend with this order, in percent
   * of its width: the part spent before, this order's part after it, and where the limit mark stands.
   */
  bar: { before: number; order: number; limit: number };
};

const share = (part: number, whole: number) => (whole <= 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/** Each limit against the spend before and this order: monthly limits first, then per order, lowest first. */
export function budgetLines(input: {
  spentMinor: number;
  orderMinor: number;
  limits: readonly BudgetLimit[];
}): BudgetLine[] {
  const rank = (period: LimitPeriod) => (period === 'month' ? 0 : 1);
  return [...input.limits]
    .sort((a, b) => rank(a.period) - rank(b.period) || a.limitMinor - b.limitMinor)
    .map((limit) => {
      const beforeMinor = limit.period === 'month' ? input.spentMinor : 0;
      const afterMinor = beforeMinor + input.orderMinor;
      const scale = Math.max(limit.limitMinor, afterMinor);
      return {
        period: limit.period,
        limitMinor: limit.limitMinor,
        beforeMinor,
        orderMinor: input.orderMinor,
        afterMinor,
        over: afterMinor > limit.limitMinor,
        alreadyOver: beforeMinor > limit.limitMinor,
        overMinor: Math.max(0, afterMinor - limit.limitMinor),
        percent:
          limit.limitMinor <= 0 ? (afterMinor > 0 ? Infinity : 0) : Math.floor((afterMinor * 100) / limit.limitMinor),
        bar: {
          before: share(beforeMinor, scale),
          order: share(input.orderMinor, scale),
          limit: share(limit.limitMinor, scale),
        },
      };
    });
}

/**
 * A line in words with amounts: "Spent $1,200.00 of $5,000.00 this month; this order adds $675.00
 * (37 %)." or "This order is $675.00; the limit per order is $500.00 — $175.00 over."
 */
export function budgetWords(line: BudgetLine, currency: string, month: string): string {
  const money = (minor: number) => formatMoney(minor, currency);
  if (line.period === 'order') {
    const verdict = line.over
      ? `${money(line.overMinor)} over`
      : line.afterMinor === line.limitMinor
        ? 'exactly the limit'
        : 'within it';
    return `This order is ${money(line.orderMinor)}; the limit per order is ${money(line.limitMinor)} — ${verdict}.`;
  }
  const spent = line.beforeMinor > 0 ? `Spent ${money(line.beforeMinor)}` : 'Spent nothing';
  const already = line.alreadyOver ? ', already over' : '';
  const verdict = line.over
    ? ` — ${money(line.overMinor)} over`
    : line.afterMinor === line.limitMinor
      ? ' (100 %, exactly the limit)'
      : ` (${line.percent} %)`;
  return `${spent} of ${money(line.limitMinor)} ${month}${already}; this order adds ${money(line.orderMinor)}${verdict}.`;
}

/** A line in words for someone who may not see prices: within or over, and no amount at all. */
export function budgetWordsWithoutAmounts(line: BudgetLine, month: string): string {
  if (line.period === 'order') return line.over ? 'Over the limit per order.' : 'Within the limit per order.';
  if (line.alreadyOver) return `Already over the monthly limit ${month} before this order.`;
  return line.over
    ? `This order puts spending ${month} over the monthly limit.`
    : `Within the monthly limit ${month}, with this order.`;
}

/** The budget as one viewer may see it: amounts and a bar only for someone who may see prices. */
export type BudgetView = {
  lines: {
    period: LimitPeriod;
    over: boolean;
    words: string;
    amounts?: { currency: string; beforeMinor: number; orderMinor: number; limitMinor: number; overMinor: number };
    bar?: BudgetLine['bar'];
  }[];
  /** Said instead when no spending limit applies to the requester. */
  noLimit: string | null;
};

/** Describes the requester's budget around this order, with or without amounts. */
export function describeBudget(
  input: { spentMinor: number; orderMinor: number; limits: readonly BudgetLimit[]; currency: string; month: string },
  viewer: { prices: boolean },
): BudgetView {
  const lines = budgetLines(input);
  return {
    lines: lines.map((line) => ({
      period: line.period,
      over: line.over,
      ...(viewer.prices
        ? {
            words: budgetWords(line, input.currency, input.month),
            amounts: {
              currency: input.currency,
              beforeMinor: line.beforeMinor,
              orderMinor: line.orderMinor,
              limitMinor: line.limitMinor,
              overMinor: line.overMinor,
            },
            bar: line.bar,
          }
        : { words: budgetWordsWithoutAmounts(line, input.month) }),
    })),
    noLimit:
      lines.length > 0
        ? null
        : viewer.prices
          ? `No spending limit applies to the requester; spent ${formatMoney(input.spentMinor, input.currency)} ${input.month} besides this order.`
          : 'No spending limit applies to the requester.',
  };
}
