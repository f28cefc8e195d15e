import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { tenantUnits, unitSubtreeIds } from '@/db/queries/units';
import { customerAccounts, organizations } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import type { Scope } from '@/server/domain/access/permissions';
import { forbidden, invalidField } from '@/server/domain/errors';
import { countByAge } from '@/server/domain/insights/ages';
import { decisionSpreads, type DecisionTimes } from '@/server/domain/insights/decisions';
import { monthlyLimitsByUnit, type MonthlyLimitEntry } from '@/server/domain/insights/limits';
import { countByOutcome } from '@/server/domain/insights/outcomes';
import { insightsRange } from '@/server/domain/insights/range';
import { spendByMonthAndUnit } from '@/server/domain/insights/spend';
import type { OrderStatus } from '@/server/domain/orders/state-machine';
import { isKnownTimeZone } from '@/server/domain/time';
import type { InsightsFilterInput } from '@/server/schemas/insights';
import { insightRows, insightsStatements as q, type InsightsScope } from './statements';

export const TOP_REQUESTERS = 10;
export const LATEST_DECLINES = 20;

/** The organization's zone and currency: insights count its months in the one and its money in the other. */
export async function organizationBooks(db: Executor, organizationId: string) {
  const [row] = await db
    .select({ timeZone: organizations.timeZone, currency: customerAccounts.currency })
    .from(organizations)
    .leftJoin(customerAccounts, eq(customerAccounts.organizationId, organizations.id))
    .where(eq(organizations.id, organizationId));
  const timeZone = row && isKnownTimeZone(row.timeZone) ? row.timeZone : 'UTC';
  return { timeZone, currency: row?.currency ?? 'USD' };
}

/**
 * The units whose figures the reader sees: with 'insights.view' over the organization, all of it
 * (or the chosen unit and those below it); over their unit, their unit and those below it (or a
 * chosen unit among them). A unit outside that reach, or of another organization, is refused.
 */
async function insightsScope(
  db: Executor,
  actor: Actor,
  grant: Scope,
  unitId: string | undefined,
): Promise<{ scope: InsightsScope; reach: string[] | null }> {
  const organizationId = actor.organizationId;
  const reach = grant === 'org' ? null : await unitSubtreeIds(db, organizationId, actor.unitId);
  if (!unitId) return { scope: { organizationId, unitIds: reach }, reach };
  const chosen = reach && !reach.includes(unitId) ? [] : await unitSubtreeIds(db, organizationId, unitId);
  if (chosen.length === 0) throw invalidField('unitId', 'That unit is not one whose figures you can see.');
  return { scope: { organizationId, unitIds: chosen }, reach };
}

type Counted = { count: number };

/**
 * Everything the insights page shows, for a buyer administrator holding 'insights.view': spend per
 * month by unit against the units' monthly limits, top requesters, orders by approval outcome,
 * waiting steps by age, time to decision per authorizer and per rule, and the latest declines.
 * Reads from the report database; every figure is limited to the reader's reach.
 */
export async function buyerInsights(db: Executor, actor: Actor, input: InsightsFilterInput, now: Date) {
  const scopeGrant = actor.grants.get('insights.view');
  if (!scopeGrant || actor.organization.kind !== 'buyer')
    throw forbidden('You do not have permission to see insights.');
  const [books, units, { scope, reach }] = await Promise.all([
    organizationBooks(db, actor.organizationId),
    tenantUnits(db, actor.organizationId),
    insightsScope(db, actor, scopeGrant, input.unitId),
  ]);
  const range = insightsRange(input, now, books.timeZone);
  const spendRange = { start: range.months[0]?.start ?? range.start, end: range.months.at(-1)?.end ?? range.end };

  const [spendRows, limitRows, requesters, outcomeRows, waitingRows, decisionRows, declines] = await Promise.all([
    insightRows<{ month: string; unitId: string; amountMinor: string }>(
      db,
      q.spendByMonth(scope, spendRange, books.timeZone),
    ),
    insightRows<MonthlyLimitEntry & { limitMinor: string | number }>(db, q.monthlyLimits(scope)),
    insightRows<{ membershipId: string; name: string; orders: number; amountMinor: string }>(
      db,
      q.topRequesters(scope, range, TOP_REQUESTERS),
    ),
    insightRows<Counted & { status: OrderStatus; hadSteps: boolean }>(db, q.outcomes(scope, range)),
    insightRows<Counted & { hours: number }>(db, q.waitingSteps(scope, now)),
    insightRows<DecisionTimes>(db, q.decisionTimes(scope, range)),
    insightRows<{
      number: string;
      decidedAt: string | Date;
      feedback: string | null;
      label: string;
      decidedBy: string | null;
      requester: string;
    }>(db, q.declines(scope, range, LATEST_DECLINES)),
  ]);

  const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
  const limitsByUnit = monthlyLimitsByUnit(limitRows.map((row) => ({ ...row, limitMinor: Number(row.limitMinor) })));
  const monthlyLimitMinor = [...limitsByUnit.values()].reduce((sum, limit) => sum + limit, 0);

  return {
    currency: books.currency,
    timeZone: books.timeZone,
    filters: { from: range.from, to: range.to, unitId: input.unitId ?? null },
    /** The units the reader may filter by: the organization first, then by name. */
    units: units
      .filter((unit) => reach === null || reach.includes(unit.id))
      .map((unit) => ({ id: unit.id, name: unit.name, isOrganization: unit.parentId === null }))
      .sort((a, b) => Number(b.isOrganization) - Number(a.isOrganization) || a.name.localeCompare(b.name)),
    spend: {
      ...spendByMonthAndUnit(
        spendRows.map((row) => ({ ...row, amountMinor: Number(row.amountMinor) })),
        range.months,
        unitNames,
      ),
      monthlyLimitMinor,
    },
    topRequesters: requesters.map((row) => ({
      membershipId: row.membershipId,
      name: row.name,
      orders: row.orders,
      amountMinor: Number(row.amountMinor),
    })),
    outcomes: countByOutcome(outcomeRows),
    waiting: countByAge(waitingRows),
    decisions: decisionSpreads(decisionRows),
    declines: declines.map((row) => ({ ...row, decidedAt: new Date(row.decidedAt) })),
  };
}

export type BuyerInsights = Awaited<ReturnType<typeof buyerInsights>>;
