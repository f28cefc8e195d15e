import { and, asc, count, eq, ilike, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { MemberStatus } from '@/server/domain/access/members';
import type { Executor } from '../client';
import { membershipRoles, memberships, organizations, roles, users } from '../schema';

export type MemberFilters = {
  organizationId: string;
  /** Limits to these units (an administrator whose reach is their unit and below). */
  unitIds?: string[];
  search?: string;
  unitId?: string;
  roleId?: string;
  flag?: 'mayOrder' | 'maySeePrices' | 'maySeeStock' | 'mayAuthorizeOrders' | 'hasLimitedBudget';
  status?: MemberStatus;
};

const STATUS_CONDITIONS: Record<MemberStatus, SQL> = {
  active: sql`${memberships.status} = 'active' and ${memberships.activated} and ${users.status} = 'active'`,
  invited: sql`${memberships.status} = 'active' and ${memberships.activated} and ${users.status} = 'invited'`,
  pending: sql`${memberships.status} = 'pending'`,
  deactivated: sql`${memberships.status} = 'active' and (not ${memberships.activated} or ${users.status} = 'deactivated')`,
  declined: sql`${memberships.status} = 'rejected'`,
};

function whereOf(filters: MemberFilters) {
  const pattern = filters.search ? `%${filters.search.replaceAll(/[%_\\]/g, '\\$&')}%` : undefined;
  return and(
    eq(memberships.organizationId, filters.organizationId),
    filters.unitIds ? inArray(memberships.unitId, filters.unitIds) : undefined,
    pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
    filters.unitId ? eq(memberships.unitId, filters.unitId) : undefined,
    filters.roleId
      ? sql`exists (select 1 from ${membershipRoles} where ${membershipRoles.membershipId} = ${memberships.id} and ${membershipRoles.roleId} = ${filters.roleId})`
      : undefined,
    filters.flag ? eq(memberships[filters.flag], true) : undefined,
    filters.status ? STATUS_CONDITIONS[filters.status] : undefined,
  );
}

/** How many members match the filters: the same condition as the list, so a count equals its list's total. */
export async function countMembers(db: Executor, filters: MemberFilters): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(whereOf(filters));
  return row?.n ?? 0;
}

/** A page of an organization's members, by name, with unit and role names. */
export async function listMembers(db: Executor, filters: MemberFilters, page: { page: number; pageSize: number }) {
  const where = whereOf(filters);
  const rows = await db
    .select({
      id: memberships.id,
      name: users.name,
      email: users.email,
      userStatus: users.status,
      membershipStatus: memberships.status,
      activated: memberships.activated,
      unitName: organizations.name,
      mayOrder: memberships.mayOrder,
      maySeePrices: memberships.maySeePrices,
      maySeeStock: memberships.maySeeStock,
      mayAuthorizeOrders: memberships.mayAuthorizeOrders,
      hasLimitedBudget: memberships.hasLimitedBudget,
      roleNames: sql<
        string[]
      >`coalesce((select array_agg(${roles.name} order by ${roles.name}) from ${membershipRoles} join ${roles} on ${roles.id} = ${membershipRoles.roleId} where ${membershipRoles.membershipId} = ${memberships.id}), '{}')`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organizations, eq(organizations.id, memberships.unitId))
    .where(where)
    .orderBy(asc(users.name), asc(memberships.id))
    .limit(page.pageSize + 1)
    .offset((page.page - 1) * page.pageSize);
  const [total] = await db
    .select({ n: count() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(where);
  return { rows: rows.slice(0, page.pageSize), hasNext: rows.length > page.pageSize, total: total?.n ?? 0 };
}

/** One member of the organization with the user, unit and roles; undefined for another tenant's. */
export async function memberDetail(db: Executor, organizationId: string, membershipId: string) {
  const [row] = await db
    .select({ membership: memberships, user: users, unitName: organizations.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organizations, eq(organizations.id, memberships.unitId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.organizationId, organizationId)));
  if (!row) return undefined;
  const roleRows = await db
    .select({ id: roles.id, key: roles.key, name: roles.name, permissions: roles.permissions })
    .from(membershipRoles)
    .innerJoin(roles, eq(roles.id, membershipRoles.roleId))
    .where(eq(membershipRoles.membershipId, membershipId));
  return { ...row, roles: roleRows };
}

/** Roles a member of this organization can hold: the buyer-side predefined ones and its own. */
export async function roleOptions(db: Executor, organizationId: string) {
  return db
    .select({
      id: roles.id,
      key: roles.key,
      name: roles.name,
      permissions: roles.permissions,
      predefined: roles.predefined,
    })
    .from(roles)
    .where(or(and(isNull(roles.organizationId), eq(roles.side, 'buyer')), eq(roles.organizationId, organizationId)))
    .orderBy(asc(roles.predefined), asc(roles.name));
}

/** Active account managers of the organization other than this membership. */
export async function otherActiveAccountManagers(
  db: Executor,
  organizationId: string,
  exceptMembershipId: string,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(membershipRoles, eq(membershipRoles.membershipId, memberships.id))
    .innerJoin(roles, eq(roles.id, membershipRoles.roleId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        ne(memberships.id, exceptMembershipId),
        eq(memberships.status, 'active'),
        eq(memberships.activated, true),
        eq(users.status, 'active'),
        eq(roles.key, 'account_manager'),
        isNull(roles.organizationId),
      ),
    );
  return row?.n ?? 0;
}

/** A membership of the organization with its user and organization name, locked for a decision on it. */
export async function lockMembershipRequest(db: Executor, organizationId: string, membershipId: string) {
  const [row] = await db
    .select({ membership: memberships, user: users, organizationName: organizations.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.organizationId, organizationId)))
    .for('update', { of: memberships });
  return row;
}
