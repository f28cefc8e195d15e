import { and, eq, sql } from 'drizzle-orm';
import type { Permission } from '@/server/domain/access/permissions';
import type { Executor } from '../client';
import { membershipRoles, memberships, organizations, roles, users } from '../schema';

/**
 * Active people whose roles grant a permission, in one organization or among seller staff: who
 * to email about a registration or a join request.
 */
export async function peopleHoldingPermission(
  db: Executor,
  scope: { organizationId: string } | { sellerStaff: true },
  permission: Permission,
) {
  const where =
    'organizationId' in scope ? eq(memberships.organizationId, scope.organizationId) : eq(organizations.kind, 'seller');
  return db
    .selectDistinct({ membershipId: memberships.id, userId: users.id, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .innerJoin(membershipRoles, eq(membershipRoles.membershipId, memberships.id))
    .innerJoin(roles, eq(roles.id, membershipRoles.roleId))
    .where(
      and(
        where,
        eq(memberships.activated, true),
        eq(memberships.status, 'active'),
        eq(users.status, 'active'),
        // Any scope of the permission counts: "org.users.manage" or "org.users.manage@unit".
        sql`${roles.permissions} && array[${permission}, ${`${permission}@own`}, ${`${permission}@unit`}, ${`${permission}@org`}]::text[]`,
      ),
    );
}
