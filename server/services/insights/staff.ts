import type { Executor } from '@/db/client';
import type { Actor } from '@/server/domain/access/actor';
import { forbidden } from '@/server/domain/errors';
import { countByAge } from '@/server/domain/insights/ages';
import { daysEndingAt } from '@/server/domain/insights/calendar';
import { countsByDay } from '@/server/domain/insights/days';
import { ORDER_STATUSES, type OrderStatus } from '@/server/domain/orders/state-machine';
import { organizationBooks } from './buyer';
import { insightRows, insightsStatements as q } from './statements';

/** How many days the overview's day charts cover, ending today in the seller's zone. */
export const OVERVIEW_DAYS = 30;
/** The organizations shown with their credit use: those using most of their limit. */
export const CREDIT_ROWS = 20;

type Counted = { count: number };

/**
 * The staff operations overview: orders per day by state, the payment-review backlog by age,
 * release-to-shipment lead time per fulfillment center, failed captures and emails per day, and the
 * buyer organizations using most of their credit. Every organization's figures: staff only.
 */
export async function staffOverview(db: Executor, actor: Actor, now: Date) {
  if (actor.organization.kind !== 'seller' || !actor.permissions.has('staff.orders.view'))
    throw forbidden('You do not have permission to see the operations overview.');
  const { timeZone } = await organizationBooks(db, actor.organizationId);
  const days = daysEndingAt(now, OVERVIEW_DAYS, timeZone);
  const range = { start: days[0]?.start ?? now, end: days.at(-1)?.end ?? now };

  const [perDay, review, leads, captures, emails, credit] = await Promise.all([
    insightRows<Counted & { day: number; status: OrderStatus }>(db, q.ordersPerDay(days)),
    insightRows<Counted & { hours: number }>(db, q.paymentReview(now)),
    insightRows<{ center: string; packages: number; median: number | null; p90: number | null }>(
      db,
      q.leadTimes(range),
    ),
    insightRows<Counted & { day: string }>(db, q.failedCaptures(range, timeZone)),
    insightRows<Counted & { day: string }>(db, q.failedEmails(range, timeZone)),
    insightRows<{ id: string; name: string; currency: string; limitMinor: string; usedMinor: string }>(
      db,
      q.creditUse(CREDIT_ROWS),
    ),
  ]);

  const failures = countsByDay(
    [
      ...captures.map((row) => ({ day: row.day, key: 'captures' as const, count: row.count })),
      ...emails.map((row) => ({ day: row.day, key: 'emails' as const, count: row.count })),
    ],
    days,
    ['captures', 'emails'],
  );
  return {
    timeZone,
    days: days.map((day) => day.key),
    ordersPerDay: countsByDay(
      perDay.map((row) => ({ day: days[row.day - 1]?.key ?? '', key: row.status, count: row.count })),
      days,
      ORDER_STATUSES,
    ),
    paymentReview: countByAge(review),
    leadTimes: leads.map((row) => ({
      center: row.center,
      packages: row.packages,
      median: row.median === null ? null : Number(row.median),
      p90: row.p90 === null ? null : Number(row.p90),
    })),
    failures,
    credit: credit.map((row) => ({
      id: row.id,
      name: row.name,
      currency: row.currency,
      limitMinor: Number(row.limitMinor),
      usedMinor: Number(row.usedMinor),
    })),
  };
}

export type StaffOverview = Awaited<ReturnType<typeof staffOverview>>;
