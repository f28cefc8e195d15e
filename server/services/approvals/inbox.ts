import { and, count, desc, eq, gte, ilike, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { orderByNumber } from '@/db/queries/orders';
import { approvalInbox, approvalQuestions, approvalSteps, memberships, orders, users } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { decisionTarget, reversalTarget } from '@/server/domain/approvals/decisions';
import { notFound } from '@/server/domain/errors';
import type { InboxInput } from '@/server/schemas/authorizations';
import { orderDetail } from '../orders/order-details';
import { orderBudget } from './budget';
import { ordersAwaitingAnswer } from './questions';

/** Who reads the inbox: an authorizer of the organization, with what they may see. */
type InboxReader = Pick<Actor, 'membershipId' | 'organizationId' | 'permissions'>;

export const INBOX_PAGE_SIZE = 25;

/**
 * "Questions asked": an open question on a step still pending. Read from the small partial index
 * of open questions, once per inbox row of the range.
 */
const awaitingAnswerFilter = sql`exists (select 1 from ${approvalQuestions} q join ${approvalSteps} s on s.id = q.step_id where q.order_id = ${approvalInbox.orderId} and q.answered_at is null and s.status = 'pending')`;

const dayAfter = (date: string) => new Date(new Date(`${date}T00:00:00Z`).getTime() + 86_400_000);

/** The rows of this authorizer's inbox that the filters keep (shared with the approvals export). */
export function inboxConditions(membershipId: string, input: Omit<InboxInput, 'page'>) {
  return and(
    eq(approvalInbox.membershipId, membershipId),
    eq(approvalInbox.state, input.state),
    input.search ? ilike(approvalInbox.orderNumber, `%${input.search.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
    input.requesterMembershipId ? eq(approvalInbox.requesterMembershipId, input.requesterMembershipId) : undefined,
    input.from ? gte(approvalInbox.submittedAt, new Date(`${input.from}T00:00:00Z`)) : undefined,
    input.to ? lt(approvalInbox.submittedAt, dayAfter(input.to)) : undefined,
    input.questions ? awaitingAnswerFilter : undefined,
  );
}

/**
 * One page of the authorizer's inbox, newest first: orders waiting for them (or for an earlier
 * tier), approved or declined. Filters by order number, requester and submit date. The page is
 * one range of the inbox index; orders and requesters are joined for the page's rows only.
 */
export async function inboxPage(db: Executor, actor: InboxReader, input: InboxInput) {
  const where = inboxConditions(actor.membershipId, input);
  const [page, [total]] = await Promise.all([
    db
      .select({
        orderId: approvalInbox.orderId,
        number: approvalInbox.orderNumber,
        submittedAt: approvalInbox.submittedAt,
        onBehalfOf: approvalInbox.onBehalfOfMembershipId,
      })
      .from(approvalInbox)
      .where(where)
      .orderBy(desc(approvalInbox.submittedAt), desc(approvalInbox.orderId))
      .limit(INBOX_PAGE_SIZE)
      .offset((input.page - 1) * INBOX_PAGE_SIZE)
      // Named: each combination of filters is one statement whose plan PostgreSQL keeps per connection.
      .prepare('inbox_page')
      .execute(),
    db.select({ n: count() }).from(approvalInbox).where(where).prepare('inbox_count').execute(),
  ]);
  const [details, awayNames, awaiting] = await Promise.all([
    page.length
      ? db
          .select({
            id: orders.id,
            status: orders.status,
            totalMinor: orders.totalMinor,
            currency: orders.currency,
            itemCount: orders.itemCount,
            requester: users.name,
            poNumber: orders.poNumber,
          })
          .from(orders)
          .innerJoin(users, eq(users.id, orders.userId))
          .where(
            inArray(
              orders.id,
              page.map((row) => row.orderId),
            ),
          )
      : [],
    // Only delegated rows cost a query: the name of the authorizer who is away.
    deciderNames(
      db,
      page.map((row) => row.onBehalfOf),
    ),
    ordersAwaitingAnswer(
      db,
      page.map((row) => row.orderId),
    ),
  ]);
  const byId = new Map(details.map((row) => [row.id, row]));
  return {
    total: total?.n ?? 0,
    pageSize: INBOX_PAGE_SIZE,
    rows: page.map((row) => {
      const order = byId.get(row.orderId);
      return {
        number: row.number,
        submittedAt: row.submittedAt,
        requesterName: order?.requester ?? '',
        itemCount: order?.itemCount ?? 0,
        poNumber: order?.poNumber ?? null,
        onBehalfOf: row.onBehalfOf !== null,
        onBehalfOfName: row.onBehalfOf ? (awayNames.get(row.onBehalfOf) ?? null) : null,
        awaitingAnswer: awaiting.has(row.orderId),
        ...(actor.permissions.has('prices.view') && order
          ? { total: { amountMinor: order.totalMinor, currency: order.currency } }
          : {}),
      };
    }),
  };
}

/** How many orders wait for this authorizer's decision now: the badge beside the menu entry. */
export async function waitingCount(db: Executor, actor: Pick<Actor, 'membershipId'>): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(approvalInbox)
    .where(and(eq(approvalInbox.membershipId, actor.membershipId), eq(approvalInbox.state, 'pending')))
    .prepare('waiting_count')
    .execute();
  return row?.n ?? 0;
}

/**
 * Requesters whose orders are in this authorizer's inbox, for the filter. The distinct requesters
 * come first, from the inbox's requesters index alone, and only they are joined to their names,
 * among the members of the organization: an authorizer with thousands of orders has a few dozen
 * requesters, and the planner cannot know how few.
 */
export async function inboxRequesters(db: Executor, actor: Pick<Actor, 'membershipId' | 'organizationId'>) {
  const requesters = db
    .selectDistinct({ id: approvalInbox.requesterMembershipId })
    .from(approvalInbox)
    .where(eq(approvalInbox.membershipId, actor.membershipId));
  return db
    .select({ membershipId: memberships.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, actor.organizationId), inArray(memberships.id, requesters)))
    .orderBy(users.name, memberships.id);
}

/**
 * An order as its authorizers see it: the order (amounts only for those who may see prices), its
 * steps with who decided what, when and why, whether this authorizer may decide now, and the
 * requester's budget while the order waits.
 */
export async function authorizationOrder(
  db: Executor,
  actor: InboxReader & Pick<Actor, 'timeZone'>,
  number: string,
  now: Date,
) {
  const order = await orderByNumber(db, actor.organizationId, number);
  if (!order) throw notFound('That order');
  const steps = await db
    .select()
    .from(approvalSteps)
    .where(eq(approvalSteps.orderId, order.id))
    .orderBy(approvalSteps.tier, approvalSteps.id);
  const named = steps.some((step) => step.authorizers.some((person) => person.membershipId === actor.membershipId));
  const [inbox] = await db
    .select({ n: count() })
    .from(approvalInbox)
    .where(and(eq(approvalInbox.orderId, order.id), eq(approvalInbox.membershipId, actor.membershipId)));
  if (!named && !inbox?.n) throw notFound('That order');
  const deciders = await deciderNames(
    db,
    steps.flatMap((step) => [step.decidedByMembershipId, step.onBehalfOfMembershipId]),
  );
  const target = decisionTarget(
    actor.membershipId,
    order.status === 'pending_approval',
    steps.map((step) => ({
      ...step,
      decidedByName: step.decidedByMembershipId ? deciders.get(step.decidedByMembershipId) : null,
    })),
    actor.timeZone,
  );
  return {
    order: await orderDetail(db, order, { prices: actor.permissions.has('prices.view') }),
    steps: stepViews(steps, deciders, actor.membershipId),
    canDecide: target.ok,
    whyNot: target.ok ? null : target.message,
    /** The viewer's latest decision may still be canceled (the order is not with fulfillment yet). */
    mayCancelDecision: reversalTarget(actor.membershipId, order.status, steps).ok,
    /** The requester's spend this month against their limits with this order's share; null once decided. */
    budget: await orderBudget(db, order, { prices: actor.permissions.has('prices.view') }, now),
  };
}

type StepRow = typeof approvalSteps.$inferSelect;

/**
 * The steps as people read them: who may decide, who decided (on whose behalf), when and why.
 * `viewerMembershipId` marks "you" for an authorizer; steps set aside by a resubmit are left out.
 */
function stepViews(
  steps: readonly StepRow[],
  deciders: ReadonlyMap<string, string>,
  viewerMembershipId: string | null,
) {
  return steps
    .filter((step) => step.status !== 'void')
    .map((step) => ({
      id: step.id,
      tier: step.tier,
      label: step.label,
      status: step.status,
      escalated: step.escalated,
      authorizers: step.authorizers.map((person) => ({
        name: person.name,
        onBehalfOf: person.onBehalfOf?.name ?? null,
        isYou: person.membershipId === viewerMembershipId,
      })),
      decidedBy: step.decidedByMembershipId ? (deciders.get(step.decidedByMembershipId) ?? null) : null,
      onBehalfOf: step.onBehalfOfMembershipId ? (deciders.get(step.onBehalfOfMembershipId) ?? null) : null,
      decidedAt: step.decidedAt,
      decidedByYou: step.decidedByMembershipId !== null && step.decidedByMembershipId === viewerMembershipId,
      feedback: step.feedback,
    }));
}

/** An order's approval steps for its requester's order page (the same record its authorizers see). */
export async function approvalRecord(db: Executor, orderId: string) {
  const steps = await db
    .select()
    .from(approvalSteps)
    .where(eq(approvalSteps.orderId, orderId))
    .orderBy(approvalSteps.tier, approvalSteps.id);
  const deciders = await deciderNames(
    db,
    steps.flatMap((step) => [step.decidedByMembershipId, step.onBehalfOfMembershipId]),
  );
  return stepViews(steps, deciders, null);
}

async function deciderNames(db: Executor, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: memberships.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(inArray(memberships.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}
