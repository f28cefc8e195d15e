import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { approvalSteps, orders, users } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { bulkResult, distinctNumbers, type BulkOutcome } from '@/server/domain/approvals/bulk';
import { DomainError, notFound } from '@/server/domain/errors';
import type { ApproveManyInput } from '@/server/schemas/authorizations';
import { decideOrder } from './decisions';
import { errorFields, log } from '@/server/observability/log';

/**
 * The latest decision on a step of this order that names the member, if one was taken: who took
 * it and when, for "already approved by Bob at …".
 */
async function latestDecision(db: Executor, actor: Actor, number: string) {
  const [row] = await db
    .select({
      status: approvalSteps.status,
      at: approvalSteps.decidedAt,
      by: users.name,
      byMembershipId: approvalSteps.decidedByMembershipId,
    })
    .from(approvalSteps)
    .innerJoin(orders, eq(orders.id, approvalSteps.orderId))
    .leftJoin(users, eq(users.id, approvalSteps.decidedByUserId))
    .where(
      and(
        eq(orders.organizationId, actor.organizationId),
        eq(orders.number, number),
        inArray(approvalSteps.status, ['approved', 'declined']),
        sql`${approvalSteps.authorizers} @> ${JSON.stringify([{ membershipId: actor.membershipId }])}::jsonb`,
      ),
    )
    .orderBy(desc(approvalSteps.decidedAt))
    .limit(1);
  return row;
}

async function refusalOutcome(db: Executor, actor: Actor, number: string, error: DomainError): Promise<BulkOutcome> {
  if (error.code === 'conflict') {
    const decided = await latestDecision(db, actor, number);
    if (decided?.at && (decided.status === 'approved' || decided.status === 'declined'))
      return {
        number,
        kind: 'already_decided',
        decision: decided.status,
        by: decided.byMembershipId === actor.membershipId ? 'you' : (decided.by ?? 'another authorizer'),
        at: decided.at,
      };
  }
  return { number, kind: 'refused', reason: error.message };
}

/**
 * Refuses the whole request when a number is not an order of the organization: the inbox only
 * offers its own orders, so that is a forged or mistyped request, and it is told nothing more.
 */
async function assertAllKnown(db: Executor, actor: Actor, numbers: readonly string[]) {
  const known = await db
    .select({ number: orders.number })
    .from(orders)
    .where(and(eq(orders.organizationId, actor.organizationId), inArray(orders.number, [...numbers])));
  const missing = numbers.find((number) => !known.some((row) => row.number === number));
  if (missing) throw notFound(`Order ${missing}`);
}

/**
 * Approves several orders, each in its own transaction through the single approval's use case
 * (the same checks, locks, history, inbox and emails), so one refused order holds up none of the
 * others. Answers every order: approved (and whether fully), already decided (by whom, when), or
 * refused and why.
 */
export async function approveMany(db: Database, actor: Actor, input: ApproveManyInput, now: Date) {
  const numbers = distinctNumbers(input.numbers).map((number) => number.toUpperCase());
  await assertAllKnown(db, actor, numbers);
  const outcomes: BulkOutcome[] = [];
  for (const number of numbers) {
    try {
      const decided = await decideOrder(db, actor, { number, approve: true, feedback: input.feedback }, now);
      outcomes.push({ number: decided.number, kind: 'approved', fullyApproved: decided.status !== 'pending_approval' });
    } catch (error) {
      if (error instanceof DomainError) {
        outcomes.push(await refusalOutcome(db, actor, number, error));
        continue;
      }
      // The orders decided before this one are committed: the answer must still list them.
      log().error({ order: number, ...errorFields(error) }, 'bulk approval failed for one order');
      outcomes.push({ number, kind: 'refused', reason: 'It could not be approved just now; try it again on its own.' });
    }
  }
  return bulkResult(outcomes, actor.timeZone);
}
