import { and, asc, eq, gt, inArray, lte, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, Executor } from '@/db/client';
import {
  approvalSteps,
  authorizerDelegations,
  membershipRoles,
  memberships,
  roles,
  users,
  type ApprovalStepRow,
  type Order,
} from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { effectiveGrants } from '@/server/domain/access/effective-permissions';
import {
  absenceDays,
  addDelegates,
  delegationState,
  delegationWindow,
  type Absence,
} from '@/server/domain/approvals/delegation';
import type { Authorizer } from '@/server/domain/approvals/evaluate';
import { DomainError, invalidField } from '@/server/domain/errors';
import type { SetDelegationInput } from '@/server/schemas/delegations';

/** Usable right now: activated membership of an active user (as the approval policy counts "active"). */
const usable = (member: typeof memberships, user: typeof users) =>
  and(eq(member.activated, true), eq(member.status, 'active'), eq(user.status, 'active'));

/**
 * Members of the organization who may stand in for this authorizer: usable, allowed to authorize
 * orders (the flag and a role that grants approving), never the authorizer themselves. By name.
 */
export async function delegateOptions(
  db: Executor,
  actor: Actor,
  onlyMembershipId?: string,
): Promise<{ membershipId: string; name: string }[]> {
  const candidates = await db
    .select({
      membershipId: memberships.id,
      name: users.name,
      mayOrder: memberships.mayOrder,
      maySeePrices: memberships.maySeePrices,
      maySeeStock: memberships.maySeeStock,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, actor.organizationId),
        eq(memberships.mayAuthorizeOrders, true),
        usable(memberships, users),
        ne(memberships.id, actor.membershipId),
        onlyMembershipId ? eq(memberships.id, onlyMembershipId) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(memberships.id));
  if (candidates.length === 0) return [];
  const grants = await db
    .select({ membershipId: membershipRoles.membershipId, permissions: roles.permissions })
    .from(membershipRoles)
    .innerJoin(roles, eq(roles.id, membershipRoles.roleId))
    .where(
      inArray(
        membershipRoles.membershipId,
        candidates.map((candidate) => candidate.membershipId),
      ),
    );
  return candidates
    .filter(({ membershipId, ...flags }) => {
      const held = grants.filter((grant) => grant.membershipId === membershipId).flatMap((grant) => grant.permissions);
      return effectiveGrants(held, { ...flags, mayAuthorizeOrders: true }).has('orders.approve');
    })
    .map(({ membershipId, name }) => ({ membershipId, name }));
}

const delegates = alias(memberships, 'delegates');
const delegateUsers = alias(users, 'delegate_users');

/** The authorizer's out-of-office, if any: the stand-in, the days away and whether it is under way. */
export async function currentDelegation(db: Executor, actor: Pick<Actor, 'membershipId'>, now: Date) {
  const [row] = await db
    .select({
      startsAt: authorizerDelegations.startsAt,
      endsAt: authorizerDelegations.endsAt,
      delegateMembershipId: authorizerDelegations.delegateMembershipId,
      delegateName: delegateUsers.name,
    })
    .from(authorizerDelegations)
    .innerJoin(delegates, eq(delegates.id, authorizerDelegations.delegateMembershipId))
    .innerJoin(delegateUsers, eq(delegateUsers.id, delegates.userId))
    .where(eq(authorizerDelegations.membershipId, actor.membershipId));
  if (!row) return null;
  return {
    delegate: { membershipId: row.delegateMembershipId, name: row.delegateName },
    ...absenceDays(row),
    state: delegationState(row, now),
  };
}

/**
 * Names (or replaces) the authorizer's stand-in for a range of days. The stand-in must be another
 * member of the organization who may authorize orders; the range must not be over already and
 * lasts at most 90 days. Orders arriving in the range are also offered to the stand-in.
 */
export async function setDelegation(db: Database, actor: Actor, input: SetDelegationInput, now: Date) {
  if (input.delegateMembershipId === actor.membershipId) {
    throw invalidField('delegateMembershipId', 'You cannot stand in for yourself: choose someone else.');
  }
  const window = delegationWindow(input, now);
  if (!window.ok) throw invalidField(window.field, window.message);
  return db.transaction(async (tx) => {
    const [delegate] = await delegateOptions(tx, actor, input.delegateMembershipId);
    if (!delegate)
      throw invalidField(
        'delegateMembershipId',
        'Choose an active member of your organization who may authorize orders.',
      );
    await tx
      .insert(authorizerDelegations)
      .values({
        membershipId: actor.membershipId,
        delegateMembershipId: delegate.membershipId,
        startsAt: window.startsAt,
        endsAt: window.endsAt,
        createdAt: now,
      })
      .onConflictDoUpdate({
        target: authorizerDelegations.membershipId,
        set: {
          delegateMembershipId: delegate.membershipId,
          startsAt: window.startsAt,
          endsAt: window.endsAt,
          createdAt: now,
        },
      });
    const saved = await currentDelegation(tx, actor, now);
    if (!saved) throw new DomainError('conflict', 'Your out-of-office could not be saved; please try again.');
    return saved;
  });
}

/** Ends the authorizer's out-of-office: orders arriving from now on are offered to them alone. */
export async function clearDelegation(db: Executor, actor: Actor): Promise<{ cleared: boolean }> {
  const removed = await db
    .delete(authorizerDelegations)
    .where(eq(authorizerDelegations.membershipId, actor.membershipId))
    .returning({ membershipId: authorizerDelegations.membershipId });
  return { cleared: removed.length > 0 };
}

/**
 * The authorizers with the stand-ins of those away at `now` added "on behalf of" them, as the
 * approval policy does at submit — for a tier that becomes pending later. One query for the
 * absences of everyone named; delegates recorded before are worked out afresh; the requester is
 * never added.
 */
export async function withDelegates(
  tx: Executor,
  organizationId: string,
  authorizers: readonly Authorizer[],
  now: Date,
  requesterMembershipId: string | null = null,
): Promise<Authorizer[]> {
  const named = authorizers.filter((person) => !person.onBehalfOf).map((person) => person.membershipId);
  if (named.length === 0) return [...authorizers];
  const rows = await tx
    .select({
      membershipId: authorizerDelegations.membershipId,
      from: authorizerDelegations.startsAt,
      to: authorizerDelegations.endsAt,
      delegateMembershipId: delegates.id,
      delegateName: delegateUsers.name,
      mayDecide: sql<boolean>`${delegates.activated} and ${delegates.status} = 'active' and ${delegates.mayAuthorizeOrders} and ${delegateUsers.status} = 'active'`,
    })
    .from(authorizerDelegations)
    .innerJoin(delegates, eq(delegates.id, authorizerDelegations.delegateMembershipId))
    .innerJoin(delegateUsers, eq(delegateUsers.id, delegates.userId))
    .where(
      and(
        inArray(authorizerDelegations.membershipId, named),
        lte(authorizerDelegations.startsAt, now),
        gt(authorizerDelegations.endsAt, now),
        eq(delegates.organizationId, organizationId),
      ),
    );
  const absences = new Map<string, Absence>(
    rows.map((row) => [
      row.membershipId,
      {
        from: row.from,
        to: row.to,
        delegate: { membershipId: row.delegateMembershipId, name: row.delegateName, mayDecide: row.mayDecide },
      },
    ]),
  );
  return addDelegates(authorizers, absences, requesterMembershipId, now);
}

const keysOf = (people: readonly Authorizer[]) =>
  people
    .map((person) => `${person.membershipId}:${person.onBehalfOf?.membershipId ?? ''}`)
    .sort()
    .join(',');
const sameAuthorizers = (a: readonly Authorizer[], b: readonly Authorizer[]) => keysOf(a) === keysOf(b);

/**
 * For steps that have just become pending (a later tier whose turn came): offers each step to the
 * stand-ins of its authorizers away right now, storing the new authorizers. Returns the steps as
 * they now are, for `emailAuthorizers` and `syncInbox`.
 */
export async function delegateActivatedSteps(
  tx: Executor,
  order: Pick<Order, 'organizationId' | 'membershipId'>,
  steps: readonly ApprovalStepRow[],
  now: Date,
): Promise<ApprovalStepRow[]> {
  const result: ApprovalStepRow[] = [];
  for (const step of steps) {
    const authorizers = await withDelegates(tx, order.organizationId, step.authorizers, now, order.membershipId);
    if (sameAuthorizers(authorizers, step.authorizers)) {
      result.push(step);
      continue;
    }
    const [updated] = await tx
      .update(approvalSteps)
      .set({ authorizers, version: sql`${approvalSteps.version} + 1` })
      .where(eq(approvalSteps.id, step.id))
      .returning();
    result.push(updated ?? { ...step, authorizers });
  }
  return result;
}
