/**
 * Reminders and escalation of approval steps that wait too long, for the authorization-reminders
 * job. Set-based where it counts (finding and claiming who is due a reminder, locking overdue
 * steps); the order history, the inbox and the emails of an escalation are written by the same
 * functions every other approval use case uses.
 */
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import {
  approvalQuestions,
  approvalSteps,
  authorizerReminders,
  memberships,
  orders,
  organizations,
  users,
} from '@/db/schema';
import type { Authorizer } from '@/server/domain/approvals/evaluate';
import {
  escalateStep,
  escalationCutoff,
  ordersToRemind,
  OVERDUE,
  reminderCutoff,
  reminderList,
  type OverdueOrder,
  type ReminderSettings,
} from '@/server/domain/approvals/reminders';
import { enqueueEmails, type QueuedEmail } from '@/server/email/outbox';
import { appUrl } from '@/server/env';
import { recordOrderEvent } from '../orders/transition';
import { emailAuthorizers, syncInbox } from './steps';

/** Overdue steps escalated per transaction, and at most per run. */
const STEPS_PER_BATCH = 2_000;
const MAX_STEPS_ESCALATED_PER_RUN = 10_000;

type DueAuthorizer = { membershipId: string; email: string; name: string; orders: OverdueOrder[] };

type DueRow = {
  membership_id: string;
  email: string;
  name: string;
  is_account_manager: boolean;
  /**
   * Per order: [number, requester's name, pending since, escalated, escalated at (or null),
   * still waiting]; times in epoch seconds.
   */
  orders: [string, string, number, boolean, number | null, boolean][];
};

/**
 * Every active authorizer who may be reminded now (not reminded within the interval), with the
 * orders to list (ordersToRemind): waiting for them (their inbox row is pending) with a pending
 * step that has waited longer than the interval, and of which they have not heard within it. A
 * step with a question waiting for the requester's answer is skipped, and once answered it waits
 * from the answer (reminderClockStart, written here as SQL). The
 * inbox row says what the order is waiting for: it is pending only while the order waits for
 * approval and this person may decide (declined, approved and canceled orders leave that state in
 * the same transaction), which is also what the waiting count counts. So the order's number and
 * requester come from the inbox row, not from a lookup of every order. One row per authorizer,
 * the orders as one JSON array (cheap to send and to parse); someone with nothing left to list
 * is not due a reminder.
 */
async function dueAuthorizers(db: Executor, now: Date, settings: ReminderSettings): Promise<DueAuthorizer[]> {
  // Raw SQL takes timestamps as text: the driver leaves Date serialization to Drizzle's columns.
  const cutoff = reminderCutoff(now, settings).toISOString();
  const rows = await db.execute<DueRow>(sql`
    with overdue as (
      select s.order_id, min(greatest(s.pending_since, qa.answered_at)) as pending_since,
        coalesce(bool_or(s.escalated = ${OVERDUE}), false) as escalated,
        max(s.escalated_at) filter (where s.escalated = ${OVERDUE}) as escalated_at
      from approval_steps s
      left join lateral (
        select max(q.answered_at) as answered_at, bool_or(q.answered_at is null) as open
        from approval_questions q where q.step_id = s.id
      ) qa on true
      where s.status = 'pending' and s.pending_since < ${cutoff}::timestamptz
        and not coalesce(qa.open, false) and greatest(s.pending_since, qa.answered_at) < ${cutoff}::timestamptz
      group by s.order_id
    ),
    listed as (
      select i.membership_id, json_agg(json_build_array(
        i.order_number, ru.name, extract(epoch from ov.pending_since)::float8, ov.escalated,
        extract(epoch from ov.escalated_at)::float8, o.status = 'pending_approval'
      )) as orders
      from overdue ov
      join orders o on o.id = ov.order_id
      join approval_inbox i on i.order_id = ov.order_id and i.state = 'pending'
      join memberships rm on rm.id = i.requester_membership_id
      join users ru on ru.id = rm.user_id
      where not exists (select 1 from authorizer_reminders r where r.membership_id = i.membership_id and r.last_reminded_at > ${cutoff}::timestamptz)
      group by i.membership_id
    )
    select l.membership_id, u.email, u.name, m.shop_account_role = 'account_manager' as is_account_manager, l.orders
    from listed l
    join memberships m on m.id = l.membership_id
    join users u on u.id = m.user_id
    join organizations org on org.id = m.organization_id
    where m.activated and m.status = 'active' and m.may_authorize_orders and u.status = 'active' and org.status = 'active'
    order by l.membership_id`);
  return rows
    .map((row) => ({
      membershipId: row.membership_id,
      email: row.email,
      name: row.name,
      orders: ordersToRemind(
        row.orders.map(([number, requesterName, since, escalated, escalatedAt, stillWaiting]) => ({
          number,
          requesterName,
          pendingSince: new Date(since * 1000),
          escalated,
          escalatedAt: escalatedAt === null ? null : new Date(escalatedAt * 1000),
          stillWaiting,
        })),
        row.is_account_manager,
        now,
        settings,
      ),
    }))
    .filter((person) => person.orders.length > 0);
}

/**
 * Claims these authorizers for a reminder now: one statement that inserts or moves their
 * last-reminded time only where the interval has passed. A concurrent run waits on the same rows
 * (taken in the same order: ids sorted) and gets none of them back.
 */
async function claimAuthorizers(
  tx: Executor,
  membershipIds: readonly string[],
  now: Date,
  settings: ReminderSettings,
): Promise<Set<string>> {
  const claimed = await tx.execute<{ membership_id: string }>(sql`
    insert into ${authorizerReminders} (membership_id, last_reminded_at)
    select id::uuid, ${now.toISOString()}::timestamptz from jsonb_array_elements_text(${JSON.stringify([...membershipIds].sort())}::jsonb) as id
    on conflict (membership_id) do update set last_reminded_at = excluded.last_reminded_at
    where ${authorizerReminders}.last_reminded_at <= ${reminderCutoff(now, settings).toISOString()}::timestamptz
    returning membership_id`);
  return new Set(claimed.map((row) => row.membership_id));
}

/** Key of the advisory lock a run holds while it sends reminders. */
const REMINDERS_LEASE = 7_311_906_001;

/**
 * Sends the due reminders in one transaction, unless another run is sending right now: that run
 * claims everyone due, so a second one at once would only repeat its work and then wait on its
 * claims. The transaction-level advisory lock only saves that work; the claims are the guarantee.
 */
/** Sends the reminders due now (see remindDue), unless another run is sending right now. */
export async function sendReminders(db: Database, now: Date, settings: ReminderSettings) {
  return db.transaction(async (tx) => {
    const [lease] = await tx.execute<{ held: boolean }>(
      sql`select pg_try_advisory_xact_lock(${REMINDERS_LEASE}) as held`,
    );
    return lease?.held ? remindDue(tx, now, settings) : { authorizersReminded: 0, ordersListed: 0 };
  });
}

/**
 * Emails every authorizer due a reminder, in the caller's transaction: claims them all with one
 * statement (ids in order, so that concurrent runs lock rows in the same order), then queues the
 * emails of those this run claimed.
 */
export async function remindDue(tx: Executor, now: Date, settings: ReminderSettings) {
  const due = await dueAuthorizers(tx, now, settings);
  const claimed =
    due.length > 0
      ? await claimAuthorizers(
          tx,
          due.map((person) => person.membershipId),
          now,
          settings,
        )
      : new Set<string>();
  const reminded = due.filter((person) => claimed.has(person.membershipId));
  const inboxUrl = appUrl('/authorizations');
  await enqueueEmails(
    tx,
    reminded.map((person): QueuedEmail => {
      const { lines, total } = reminderList(person.orders, now);
      return {
        kind: 'approval-reminder',
        to: person.email,
        now,
        props: { name: person.name, inboxUrl, total, orders: lines },
      };
    }),
  );
  return {
    authorizersReminded: reminded.length,
    ordersListed: reminded.reduce((sum, person) => sum + person.orders.length, 0),
  };
}

type Manager = Authorizer & { organizationId: string };

/** The account managers of these organizations who may decide now: active, may authorize orders. */
async function accountManagers(tx: Executor, organizationIds: readonly string[]): Promise<Manager[]> {
  return tx
    .select({ membershipId: memberships.id, organizationId: memberships.organizationId, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(
      and(
        inArray(memberships.organizationId, [...organizationIds]),
        eq(memberships.shopAccountRole, 'account_manager'),
        eq(memberships.activated, true),
        eq(memberships.status, 'active'),
        eq(memberships.mayAuthorizeOrders, true),
        eq(users.status, 'active'),
        eq(organizations.status, 'active'),
      ),
    );
}

/** The oldest overdue steps not escalated yet whose orders still wait for approval, locked; rows another run holds are skipped. */
async function lockOverdueSteps(tx: Executor, now: Date, settings: ReminderSettings) {
  return tx
    .select({
      id: approvalSteps.id,
      orderId: approvalSteps.orderId,
      organizationId: approvalSteps.organizationId,
      authorizers: approvalSteps.authorizers,
      escalated: approvalSteps.escalated,
      requesterMembershipId: orders.membershipId,
    })
    .from(approvalSteps)
    .innerJoin(orders, eq(orders.id, approvalSteps.orderId))
    .where(
      and(
        eq(approvalSteps.status, 'pending'),
        lt(approvalSteps.pendingSince, escalationCutoff(now, settings)),
        isNull(approvalSteps.escalatedAt),
        eq(orders.status, 'pending_approval'),
        // The clock of reminderClockStart: not while a question waits for its answer, and counting from the answer.
        sql`not exists (select 1 from ${approvalQuestions} q where q.step_id = ${approvalSteps.id} and (q.answered_at is null or q.answered_at >= ${escalationCutoff(now, settings).toISOString()}::timestamptz))`,
      ),
    )
    .orderBy(asc(approvalSteps.pendingSince), asc(approvalSteps.id))
    .limit(STEPS_PER_BATCH)
    .for('update', { of: approvalSteps, skipLocked: true });
}

type LockedStep = Awaited<ReturnType<typeof lockOverdueSteps>>[number];

/**
 * Offers one batch of overdue steps to the account managers, in one transaction: the managers join
 * each step's authorizers (the step says 'overdue'), the order waits in their inbox, its history
 * says so, and each of them is emailed that it comes to them for waiting too long.
 */
async function escalateBatch(tx: Executor, steps: readonly LockedStep[], now: Date, settings: ReminderSettings) {
  const managers = await accountManagers(tx, [...new Set(steps.map((step) => step.organizationId))]);
  const escalated = steps.map((step) => ({
    step,
    ...escalateStep(
      step,
      managers.filter((manager) => manager.organizationId === step.organizationId),
      step.requesterMembershipId,
    ),
  }));
  await tx.execute(sql`
    update ${approvalSteps} s
    set authorizers = v.authorizers, escalated = v.escalated, escalated_at = ${now.toISOString()}::timestamptz, version = s.version + 1
    from jsonb_to_recordset(${JSON.stringify(escalated.map((entry) => ({ id: entry.step.id, authorizers: entry.authorizers, escalated: entry.escalated })))}::jsonb)
      as v(id uuid, authorizers jsonb, escalated varchar)
    where s.id = v.id`);

  // Per order: the managers it now reaches (one offer each, however many of its steps reached them).
  const byOrder = new Map<string, { steps: typeof escalated; added: Map<string, Authorizer> }>();
  for (const entry of escalated) {
    if (entry.added.length === 0) continue;
    const line = byOrder.get(entry.step.orderId) ?? { steps: [], added: new Map<string, Authorizer>() };
    line.steps.push(entry);
    for (const person of entry.added)
      if (!line.added.has(person.membershipId)) line.added.set(person.membershipId, person);
    byOrder.set(entry.step.orderId, line);
  }
  if (byOrder.size === 0) return { steps: escalated.length, offers: 0 };

  const orderIds = [...byOrder.keys()];
  const [orderRows, stepRows] = await Promise.all([
    tx.select().from(orders).where(inArray(orders.id, orderIds)),
    tx
      .select()
      .from(approvalSteps)
      .where(inArray(approvalSteps.orderId, orderIds))
      .orderBy(asc(approvalSteps.tier), asc(approvalSteps.id)),
  ]);
  let offers = 0;
  for (const order of orderRows) {
    const line = byOrder.get(order.id);
    if (!line) continue;
    const names = [...line.added.values()].map((person) => person.name);
    // They decide a pending step of an order pending approval: the order waits for them (see inboxStateFor).
    await syncInbox(
      tx,
      order,
      stepRows.filter((step) => step.orderId === order.id),
    );
    await recordOrderEvent(tx, order, 'approval_escalated', {
      now,
      actorUserId: null,
      message: `Waiting for approval longer than ${settings.escalationDays} days: also offered to the account managers (${names.join(', ')}).`,
      data: { stepIds: line.steps.map((entry) => entry.step.id), accountManagers: names },
    });
    // Only the managers it now reaches are told, each once, saying why it comes to them.
    const offered = stepRows
      .filter((step) => line.steps.some((entry) => entry.step.id === step.id))
      .map((step) => ({
        ...step,
        authorizers: step.authorizers.filter((person) => line.added.has(person.membershipId)),
      }));
    await emailAuthorizers(tx, order, offered, now, 'overdue');
    offers += line.added.size;
  }
  return { steps: escalated.length, offers };
}

/**
 * Escalates overdue steps, oldest first, one batch per transaction. A run stops after a bounded
 * number (a backlog, say on the first run after a long outage, drains over the next runs), so that
 * its time stays bounded; concurrent runs share the work through SKIP LOCKED.
 */
export async function escalateOverdueSteps(db: Database, now: Date, settings: ReminderSettings) {
  let stepsEscalated = 0;
  let managersOffered = 0;
  while (stepsEscalated < MAX_STEPS_ESCALATED_PER_RUN) {
    const done = await db.transaction(async (tx) => {
      const steps = await lockOverdueSteps(tx, now, settings);
      return steps.length === 0 ? null : escalateBatch(tx, steps, now, settings);
    });
    if (!done) break;
    stepsEscalated += done.steps;
    managersOffered += done.offers;
  }
  return { stepsEscalated, managersOffered };
}
