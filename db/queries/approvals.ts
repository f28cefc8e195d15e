import { and, eq, gte, inArray, lt, ne, notInArray, sql } from 'drizzle-orm';
import { monthStartUtc, nextMonthStartUtc } from '@/server/domain/approvals/budget';
import type { Executor } from '../client';
import {
  approvalRules,
  authorizerDelegations,
  membershipRoles,
  memberships,
  orders,
  organizations,
  spendingLimitAuthorizers,
  spendingLimits,
  users,
} from '../schema';

/** A member's spending-limit entries with their authorizers. */
export async function limitsOf(db: Executor, membershipId: string) {
  const rows = await db
    .select({
      id: spendingLimits.id,
      limitMinor: spendingLimits.limitMinor,
      period: spendingLimits.period,
      authorizer: spendingLimitAuthorizers.membershipId,
    })
    .from(spendingLimits)
    .leftJoin(spendingLimitAuthorizers, eq(spendingLimitAuthorizers.limitId, spendingLimits.id))
    .where(eq(spendingLimits.membershipId, membershipId));
  const byId = new Map<
    string,
    { id: string; limitMinor: number; period: 'order' | 'month'; authorizerMembershipIds: string[] }
  >();
  for (const row of rows) {
    const entry = byId.get(row.id) ?? {
      id: row.id,
      limitMinor: row.limitMinor,
      period: row.period,
      authorizerMembershipIds: [],
    };
    if (row.authorizer) entry.authorizerMembershipIds.push(row.authorizer);
    byId.set(row.id, entry);
  }
  return [...byId.values()];
}

export async function activeRulesOf(db: Executor, organizationId: string) {
  return db
    .select()
    .from(approvalRules)
    .where(and(eq(approvalRules.organizationId, organizationId), eq(approvalRules.active, true)));
}

/** The unit and every unit above it, up to the organization. */
export async function unitPathOf(db: Executor, unitId: string): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    with recursive up as (
      select id, parent_id from organizations where id = ${unitId}
      union all
      select o.id, o.parent_id from organizations o join up on o.id = up.parent_id
    )
    select id from up`);
  return rows.map((row) => row.id);
}

/** What the member's orders of this calendar month (UTC) add up to, canceled and declined ones aside. */
export async function monthToDateMinor(db: Executor, membershipId: string, now: Date): Promise<number> {
  return monthSpendMinor(db, membershipId, now);
}

/**
 * What the member's orders submitted in the calendar month (UTC) of `monthOf` add up to, as a
 * monthly limit counts them (canceled and declined ones aside), leaving out `exceptOrderId`.
 */
export async function monthSpendMinor(
  db: Executor,
  membershipId: string,
  monthOf: Date,
  exceptOrderId?: string,
): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${orders.totalMinor}), 0)` })
    .from(orders)
    .where(
      and(
        eq(orders.membershipId, membershipId),
        gte(orders.submittedAt, monthStartUtc(monthOf)),
        lt(orders.submittedAt, nextMonthStartUtc(monthOf)),
        notInArray(orders.status, ['canceled', 'declined']),
        exceptOrderId ? ne(orders.id, exceptOrderId) : undefined,
      ),
    );
  return Number(row?.total ?? 0);
}

/** Every member of the organization as the approval policy sees them: usable, may authorize, roles, delegation. */
export async function policyMembers(db: Executor, organizationId: string) {
  const rows = await db
    .select({
      membershipId: memberships.id,
      name: users.name,
      active: sql<boolean>`${memberships.activated} and ${memberships.status} = 'active' and ${users.status} = 'active'`,
      // The flag alone is not enough: a role must grant "approve orders" too, as the router checks.
      mayAuthorize: sql<boolean>`${memberships.mayAuthorizeOrders} and exists (
        select 1 from membership_roles mr join roles r on r.id = mr.role_id
        where mr.membership_id = ${memberships.id} and r.permissions && array['orders.approve', 'orders.approve@unit', 'orders.approve@org']::text[])`,
      isAccountManager: sql<boolean>`${memberships.shopAccountRole} = 'account_manager'`,
      delegate: authorizerDelegations.delegateMembershipId,
      delegationFrom: authorizerDelegations.startsAt,
      delegationTo: authorizerDelegations.endsAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(authorizerDelegations, eq(authorizerDelegations.membershipId, memberships.id))
    .where(eq(memberships.organizationId, organizationId));
  const roles = rows.length
    ? await db
        .select()
        .from(membershipRoles)
        .where(
          inArray(
            membershipRoles.membershipId,
            rows.map((row) => row.membershipId),
          ),
        )
    : [];
  return rows.map(({ delegate, delegationFrom, delegationTo, ...member }) => ({
    ...member,
    roleIds: roles.filter((role) => role.membershipId === member.membershipId).map((role) => role.roleId),
    delegation:
      delegate && delegationFrom && delegationTo
        ? { delegateMembershipId: delegate, from: delegationFrom, to: delegationTo }
        : null,
  }));
}

export async function roleIdsOf(db: Executor, membershipId: string): Promise<string[]> {
  const rows = await db
    .select({ roleId: membershipRoles.roleId })
    .from(membershipRoles)
    .where(eq(membershipRoles.membershipId, membershipId));
  return rows.map((row) => row.roleId);
}

/** An approval rule of the organization, locked for update with `lock`; another organization's rule is not found. */
export async function approvalRuleById(
  db: Executor,
  organizationId: string,
  ruleId: string,
  options: { lock?: boolean } = {},
) {
  const query = db
    .select()
    .from(approvalRules)
    .where(and(eq(approvalRules.id, ruleId), eq(approvalRules.organizationId, organizationId)));
  const [rule] = options.lock ? await query.for('update') : await query;
  return rule;
}

/** A spending-limit entry of the organization, locked for update; another organization's entry is not found. */
export async function lockSpendingLimit(db: Executor, organizationId: string, limitId: string) {
  const [entry] = await db
    .select()
    .from(spendingLimits)
    .where(and(eq(spendingLimits.id, limitId), eq(spendingLimits.organizationId, organizationId)))
    .for('update');
  return entry;
}

/** A member of the organization as the spending-limit pages show them, with their unit's name. */
export async function limitMemberById(db: Executor, organizationId: string, membershipId: string) {
  const [member] = await db
    .select({
      membershipId: memberships.id,
      name: users.name,
      email: users.email,
      unitName: organizations.name,
      hasLimitedBudget: memberships.hasLimitedBudget,
      status: memberships.status,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organizations, eq(organizations.id, memberships.unitId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.organizationId, organizationId)));
  return member;
}

/** An active member of the organization as the approval policy sees a requester, with their name. */
export async function activeRequesterById(db: Executor, organizationId: string, membershipId: string) {
  const [requester] = await db
    .select({
      membershipId: memberships.id,
      organizationId: memberships.organizationId,
      unitId: memberships.unitId,
      hasLimitedBudget: memberships.hasLimitedBudget,
      name: users.name,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.id, membershipId),
        eq(memberships.organizationId, organizationId),
        eq(memberships.status, 'active'),
      ),
    );
  return requester;
}
