import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { orderByNumber } from '@/db/queries/orders';
import {
  approvalInbox,
  approvalSteps,
  membershipRoles,
  memberships,
  roles,
  users,
  type ApprovalStepRow,
  type Order,
} from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { effectiveGrants } from '@/server/domain/access/effective-permissions';
import { decisionTarget } from '@/server/domain/approvals/decisions';
import {
  eligibleReceivers,
  handedOnAuthorizers,
  handOnMessage,
  handOnRefusal,
  type HandOnCandidate,
  type HandOnContext,
} from '@/server/domain/approvals/hand-on';
import { DomainError, invalidField, notFound } from '@/server/domain/errors';
import { enqueueEmail } from '@/server/email/outbox';
import { appUrl } from '@/server/env';
import type { HandOnInput } from '@/server/schemas/authorizations';
import { orderEmailSummaries } from '../orders/email-summary';
import { recordOrderEvent } from '../orders/transition';
import { deciderNames, lockOrderByNumber } from './decisions';
import { lockSteps, syncInbox } from './steps';

/** The order's unit and every unit above it: a 'unit' grant held in any of them reaches the order. */
async function unitsAbove(db: Executor, order: Pick<Order, 'organizationId' | 'unitId'>): Promise<Set<string>> {
  const rows = await db.execute<{ id: string }>(sql`
    with recursive up as (
      select id, parent_id from organizations where id = ${order.unitId} and root_id = ${order.organizationId}
      union all
      select o.id, o.parent_id from organizations o join up on o.id = up.parent_id where o.root_id = ${order.organizationId}
    )
    select id from up`);
  return new Set(rows.map((row) => row.id));
}

/**
 * Members as possible receivers of a step of this order, with the facts the rule needs: everyone
 * of the organization who may authorize orders, or just the one member asked about (from any
 * organization, so that the refusal can say why).
 */
async function candidates(
  db: Executor,
  order: Pick<Order, 'organizationId' | 'unitId'>,
  onlyMembershipId?: string,
): Promise<HandOnCandidate[]> {
  const people = await db
    .select({
      membershipId: memberships.id,
      name: users.name,
      organizationId: memberships.organizationId,
      unitId: memberships.unitId,
      active: sql<boolean>`${memberships.activated} and ${memberships.status} = 'active' and ${users.status} = 'active'`,
      mayOrder: memberships.mayOrder,
      maySeePrices: memberships.maySeePrices,
      maySeeStock: memberships.maySeeStock,
      mayAuthorizeOrders: memberships.mayAuthorizeOrders,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      onlyMembershipId
        ? eq(memberships.id, onlyMembershipId)
        : and(eq(memberships.organizationId, order.organizationId), eq(memberships.mayAuthorizeOrders, true)),
    )
    .orderBy(asc(users.name), asc(memberships.id));
  if (people.length === 0) return [];
  const [grants, above] = await Promise.all([
    db
      .select({ membershipId: membershipRoles.membershipId, permissions: roles.permissions })
      .from(membershipRoles)
      .innerJoin(roles, eq(roles.id, membershipRoles.roleId))
      .where(
        inArray(
          membershipRoles.membershipId,
          people.map((person) => person.membershipId),
        ),
      ),
    unitsAbove(db, order),
  ]);
  return people.map(({ unitId, mayOrder, maySeePrices, maySeeStock, ...person }) => {
    const held = grants
      .filter((grant) => grant.membershipId === person.membershipId)
      .flatMap((grant) => grant.permissions);
    const scope = effectiveGrants(held, {
      mayOrder,
      maySeePrices,
      maySeeStock,
      mayAuthorizeOrders: person.mayAuthorizeOrders,
    }).get('orders.approve');
    return { ...person, approveReachesOrder: scope === 'org' || (scope === 'unit' && above.has(unitId)) };
  });
}

function contextOf(actor: Actor, order: Order, steps: readonly ApprovalStepRow[]): HandOnContext {
  return {
    organizationId: order.organizationId,
    requesterMembershipId: order.membershipId,
    giverMembershipId: actor.membershipId,
    stepAuthorizerIds: steps.flatMap((step) => step.authorizers.map((person) => person.membershipId)),
  };
}

/** Who this authorizer may hand their pending step of the order on to; nobody when they cannot decide it now. */
export async function handOnOptions(db: Executor, actor: Actor, number: string) {
  const order = await orderByNumber(db, actor.organizationId, number);
  if (!order) throw notFound('That order');
  const steps = await db.select().from(approvalSteps).where(eq(approvalSteps.orderId, order.id));
  const target = decisionTarget(actor.membershipId, order.status === 'pending_approval', steps, actor.timeZone);
  if (!target.ok) return [];
  const mine = steps.filter((step) => target.stepIds.includes(step.id));
  return eligibleReceivers(await candidates(db, order), contextOf(actor, order, mine)).map(
    ({ membershipId, name }) => ({
      membershipId,
      name,
    }),
  );
}

/**
 * Hands the authorizer's place in the order's pending step(s) on to another member, under the
 * order's lock (a decision taken at the same time is either seen here, and the hand-on refused, or
 * comes after it). The receiver must be someone the authorizer-validation rules accept; the step
 * leaves the giver's inbox and arrives in the receiver's, the history says who handed it to whom
 * and why, and the receiver is emailed.
 */
export async function handOnStep(db: Database, actor: Actor, input: HandOnInput, now: Date) {
  return db.transaction(async (tx) => {
    const order = await lockOrderByNumber(tx, actor.organizationId, input.number);
    const steps = await lockSteps(tx, order.id);
    const names = await deciderNames(tx, steps);
    const target = decisionTarget(
      actor.membershipId,
      order.status === 'pending_approval',
      steps.map((step) => ({ ...step, decidedByName: step.decidedByUserId ? names.get(step.decidedByUserId) : null })),
      actor.timeZone,
    );
    if (!target.ok) throw new DomainError(target.code, target.message);
    const mine = steps.filter((step) => target.stepIds.includes(step.id));
    const [receiver] = await candidates(tx, order, input.toMembershipId);
    if (!receiver) throw invalidField('toMembershipId', 'Choose a member of your organization.');
    const refusal = handOnRefusal(receiver, contextOf(actor, order, mine));
    if (refusal) throw invalidField('toMembershipId', refusal);

    for (const step of mine)
      await tx
        .update(approvalSteps)
        .set({
          authorizers: handedOnAuthorizers(step.authorizers, actor.membershipId, receiver),
          version: sql`${approvalSteps.version} + 1`,
        })
        .where(eq(approvalSteps.id, step.id));
    const after = await lockSteps(tx, order.id);
    // Whoever is no longer named on any step (the giver, a stand-in for them) leaves the inbox of this order.
    const named = new Set(after.flatMap((step) => step.authorizers.map((person) => person.membershipId)));
    const gone = [...new Set(steps.flatMap((step) => step.authorizers.map((person) => person.membershipId)))].filter(
      (id) => !named.has(id),
    );
    if (gone.length > 0)
      await tx
        .delete(approvalInbox)
        .where(and(eq(approvalInbox.orderId, order.id), inArray(approvalInbox.membershipId, gone)));
    await syncInbox(tx, order, after);

    await recordOrderEvent(tx, order, 'approval_handed_on', {
      now,
      actorUserId: actor.userId,
      message: handOnMessage(actor.name, receiver.name, input.note),
      data: { stepIds: target.stepIds, from: actor.membershipId, to: receiver.membershipId, note: input.note },
    });
    for (const person of await orderEmailSummaries(tx, order, [receiver.membershipId]))
      await enqueueEmail(tx, {
        kind: 'approval-handed-on',
        to: person.to,
        now,
        props: {
          name: person.name,
          orderNumber: order.number,
          handedOnBy: actor.name,
          note: input.note,
          approvalUrl: appUrl(`/authorizations/${order.number}`),
          ...(person.summary.totals ? { total: person.summary.totals.total } : {}),
          summary: person.summary,
        },
      });
    return { number: order.number, handedTo: receiver.name };
  });
}
