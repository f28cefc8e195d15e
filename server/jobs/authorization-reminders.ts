import { and, asc, eq, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { approvalInbox, approvalSteps, authorizerReminders, membershipRoles, memberships, orderEvents, orders, organizations, roles, users } from '@/db/schema';
import { effectiveGrants } from '@/server/domain/access/effective-permissions';
import type { Authorizer } from '@/server/domain/approvals/evaluate';
import { escalateStep, escalationCutoff, reminderCutoff, reminderList, type OverdueOrder, type ReminderSettings } from '@/server/domain/approvals/reminders';
import { formatMinor } from '@/server/domain/money';
import { enqueueEmails, type QueuedEmail } from '@/server/email/outbox';
import { appUrl, serverEnv } from '@/server/env';
import type { Job, JobContext } from './types';

/** Authorizers claimed and emailed per transaction. */
const AUTHORIZERS_PER_BATCH = 1_000;
/** Overdue steps escalated per transaction. */
const STEPS_PER_BATCH = 1_000;

/** The reminder interval and escalation period from the environment. */
export function reminderSettings(): ReminderSettings {
  const env = serverEnv();
  return { reminderHours: env.AUTHORIZATION_REMINDER_HOURS, escalationDays: env.AUTHORIZATION_ESCALATION_DAYS };
}

/**
 * Reminds authorizers of orders waiting for them too long, then offers steps waiting longer than
 * the escalation period to the organization's account managers. Set-based: one query finds every
 * authorizer due a reminder with all their overdue orders; claims, emails and escalations are
 * written in batches. Two runs at once never email anyone twice: an authorizer is claimed with
 * one conditional upsert, and steps are escalated under FOR UPDATE SKIP LOCKED.
 */
export async function runAuthorizationReminders({ db, now }: JobContext, settings: ReminderSettings) {
  const reminders = await sendReminders(db, now, settings);
  const escalations = await escalateOverdueSteps(db, now, settings);
  return { ...reminders, ...escalations };
}

export const authorizationRemindersJob: Job = (context) => runAuthorizationReminders(context, reminderSettings());

type DueAuthorizer = { membershipId: string; email: string; name: string; orders: OverdueOrder[] };

type DueRow = { membership_id: string; email: string; name: string; orders: string | { number: string; requesterName: string; pendingSince: string; escalated: boolean }[] };

/**
 * Every active authorizer who may be reminded now, with each order waiting for them (their inbox
 * row is pending) whose pending step has waited longer than the interval. Orders that are no
 * longer pending approval are left out, whatever their steps say.
 */
async function dueAuthorizers(db: Executor, now: Date, settings: ReminderSettings): Promise<DueAuthorizer[]> {
  // Raw SQL takes timestamps as text: the driver leaves Date serialization to Drizzle's columns.
  const cutoff = reminderCutoff(now, settings).toISOString();
  const rows = await db.execute<DueRow>(sql`
    with overdue as (
      select s.order_id, o.user_id, min(s.pending_since) as pending_since, bool_or(s.escalated = 'overdue') as escalated
      from approval_steps s
      join orders o on o.id = s.order_id and o.status = 'pending_approval'
      where s.status = 'pending' and s.pending_since < ${cutoff}::timestamptz
      group by s.order_id, o.user_id
    )
    select i.membership_id, u.email, u.name,
      json_agg(json_build_object(
        'number', i.order_number,
        'requesterName', ru.name,
        'pendingSince', ov.pending_since,
        'escalated', ov.escalated and m.shop_account_role = 'account_manager'
      )) as orders
    from overdue ov
    join approval_inbox i on i.order_id = ov.order_id and i.state = 'pending'
    join memberships m on m.id = i.membership_id
    join users u on u.id = m.user_id
    join organizations org on org.id = m.organization_id
    join users ru on ru.id = ov.user_id
    left join authorizer_reminders r on r.membership_id = i.membership_id
    where m.activated and m.status = 'active' and m.may_authorize_orders and u.status = 'active' and org.status = 'active'
      and (r.last_reminded_at is null or r.last_reminded_at <= ${cutoff}::timestamptz)
    group by i.membership_id, u.email, u.name
    order by i.membership_id`);
  return rows.map((row) => {
    const listed = typeof row.orders === 'string' ? (JSON.parse(row.orders) as Exclude<DueRow['orders'], string>) : row.orders;
    return {
      membershipId: row.membership_id,
      email: row.email,
      name: row.name,
      orders: listed.map((order) => ({ ...order, pendingSince: new Date(order.pendingSince) })),
    };
  });
}

/**
 * Claims these authorizers for a reminder now: one statement that inserts or moves their
 * last-reminded time only where the interval has passed. A concurrent run waits on the same rows
 * and gets none of them back.
 */
async function claimAuthorizers(tx: Executor, membershipIds: readonly string[], now: Date, settings: ReminderSettings): Promise<Set<string>> {
  const claimed = await tx
    .insert(authorizerReminders)
    .values(membershipIds.map((membershipId) => ({ membershipId, lastRemindedAt: now })))
    .onConflictDoUpdate({
      target: authorizerReminders.membershipId,
      set: { lastRemindedAt: sql.raw('excluded.last_reminded_at') },
      setWhere: lte(authorizerReminders.lastRemindedAt, reminderCutoff(now, settings)),
    })
    .returning({ membershipId: authorizerReminders.membershipId });
  return new Set(claimed.map((row) => row.membershipId));
}

async function sendReminders(db: Database, now: Date, settings: ReminderSettings) {
  const due = await dueAuthorizers(db, now, settings);
  let reminded = 0;
  let ordersListed = 0;
  for (let start = 0; start < due.length; start += AUTHORIZERS_PER_BATCH) {
    const batch = due.slice(start, start + AUTHORIZERS_PER_BATCH);
    const sent = await db.transaction(async (tx) => {
      const claimed = await claimAuthorizers(tx, batch.map((person) => person.membershipId), now, settings);
      const emails: QueuedEmail[] = batch
        .filter((person) => claimed.has(person.membershipId))
        .map((person) => ({
          kind: 'approval-reminder',
          to: person.email,
          now,
          props: { name: person.name, inboxUrl: appUrl('/authorizations'), orders: reminderList(person.orders, now) },
        }));
      await enqueueEmails(tx, emails);
      return emails;
    });
    reminded += sent.length;
    ordersListed += sent.reduce((sum, email) => sum + (email.kind === 'approval-reminder' ? email.props.orders.length : 0), 0);
  }
  return { authorizersReminded: reminded, ordersListed };
}

type Manager = Authorizer & { organizationId: string; email: string; maySeePrices: boolean };

/** The account managers of these organizations who may decide now: active, may authorize orders. */
async function accountManagers(tx: Executor, organizationIds: readonly string[]): Promise<Manager[]> {
  const people = await tx
    .select({
      membershipId: memberships.id,
      organizationId: memberships.organizationId,
      name: users.name,
      email: users.email,
      mayOrder: memberships.mayOrder,
      maySeePrices: memberships.maySeePrices,
      maySeeStock: memberships.maySeeStock,
      mayAuthorizeOrders: memberships.mayAuthorizeOrders,
    })
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
  if (people.length === 0) return [];
  const grants = await tx
    .select({ membershipId: membershipRoles.membershipId, permissions: roles.permissions })
    .from(membershipRoles)
    .innerJoin(roles, eq(roles.id, membershipRoles.roleId))
    .where(inArray(membershipRoles.membershipId, people.map((person) => person.membershipId)));
  return people.map(({ mayOrder, maySeePrices, maySeeStock, mayAuthorizeOrders, ...person }) => {
    const held = grants.filter((grant) => grant.membershipId === person.membershipId).flatMap((grant) => grant.permissions);
    return { ...person, maySeePrices: effectiveGrants(held, { mayOrder, maySeePrices, maySeeStock, mayAuthorizeOrders }).has('prices.view') };
  });
}

/** The oldest overdue steps not escalated yet whose orders still wait for approval, locked; rows another run holds are skipped. */
async function lockOverdueSteps(tx: Executor, now: Date, settings: ReminderSettings) {
  return tx
    .select({
      id: approvalSteps.id,
      orderId: approvalSteps.orderId,
      organizationId: approvalSteps.organizationId,
      label: approvalSteps.label,
      authorizers: approvalSteps.authorizers,
      escalated: approvalSteps.escalated,
      requesterMembershipId: orders.membershipId,
      orderNumber: orders.number,
      submittedAt: orders.submittedAt,
      totalMinor: orders.totalMinor,
      currency: orders.currency,
      requesterName: users.name,
    })
    .from(approvalSteps)
    .innerJoin(orders, eq(orders.id, approvalSteps.orderId))
    .innerJoin(users, eq(users.id, orders.userId))
    .where(
      and(
        eq(approvalSteps.status, 'pending'),
        lt(approvalSteps.pendingSince, escalationCutoff(now, settings)),
        isNull(approvalSteps.escalatedAt),
        eq(orders.status, 'pending_approval'),
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
    ...escalateStep(step, managers.filter((manager) => manager.organizationId === step.organizationId), step.requesterMembershipId),
  }));
  await tx.execute(sql`
    update approval_steps s
    set authorizers = v.authorizers, escalated = v.escalated, escalated_at = ${now.toISOString()}::timestamptz, version = s.version + 1
    from jsonb_to_recordset(${JSON.stringify(escalated.map((entry) => ({ id: entry.step.id, authorizers: entry.authorizers, escalated: entry.escalated })))}::jsonb)
      as v(id uuid, authorizers jsonb, escalated varchar)
    where s.id = v.id`);

  // One offer per (manager, order), however many of the order's steps reached them.
  const offers = new Map<string, { step: LockedStep; manager: Manager }>();
  const byId = new Map(managers.map((manager) => [manager.membershipId, manager]));
  for (const entry of escalated) {
    for (const person of entry.added) {
      const manager = byId.get(person.membershipId);
      const key = `${person.membershipId}:${entry.step.orderId}`;
      if (manager && !offers.has(key)) offers.set(key, { step: entry.step, manager });
    }
  }
  if (offers.size === 0) return { steps: escalated.length, offers: 0 };

  // They decide a pending step of an order pending approval: the order waits for them (see inboxStateFor).
  await tx
    .insert(approvalInbox)
    .values(
      [...offers.values()].map(({ step, manager }) => ({
        membershipId: manager.membershipId,
        orderId: step.orderId,
        organizationId: step.organizationId,
        state: 'pending' as const,
        submittedAt: step.submittedAt,
        orderNumber: step.orderNumber,
        requesterMembershipId: step.requesterMembershipId,
      })),
    )
    .onConflictDoUpdate({ target: [approvalInbox.membershipId, approvalInbox.orderId], set: { state: 'pending' } });

  const namesByOrder = new Map<string, { step: LockedStep; names: string[] }>();
  for (const { step, manager } of offers.values()) {
    const entry = namesByOrder.get(step.orderId) ?? { step, names: [] };
    entry.names.push(manager.name);
    namesByOrder.set(step.orderId, entry);
  }
  await tx.insert(orderEvents).values(
    [...namesByOrder.values()].map(({ step, names }) => ({
      orderId: step.orderId,
      at: now,
      kind: 'approval_escalated',
      actorUserId: null,
      message: `Waiting for approval longer than ${settings.escalationDays} days: also offered to the account managers (${names.join(', ')}).`,
      data: { stepIds: escalated.filter((entry) => entry.step.orderId === step.orderId).map((entry) => entry.step.id), accountManagers: names },
    })),
  );

  await enqueueEmails(
    tx,
    [...offers.values()].map(({ step, manager }) => ({
      kind: 'approval-requested',
      to: manager.email,
      now,
      props: {
        name: manager.name,
        requesterName: step.requesterName,
        orderNumber: step.orderNumber,
        approvalUrl: appUrl(`/authorizations/${step.orderNumber}`),
        stepLabel: step.label,
        ...(manager.maySeePrices ? { total: `${formatMinor(step.totalMinor, step.currency)} ${step.currency}` } : {}),
        reason: 'overdue',
      },
    })),
  );
  return { steps: escalated.length, offers: offers.size };
}

async function escalateOverdueSteps(db: Database, now: Date, settings: ReminderSettings) {
  let stepsEscalated = 0;
  let managersOffered = 0;
  for (;;) {
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
