import { and, count, eq, inArray, ne } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { rolesUsableBy, usableRoleById } from '@/db/queries/roles';
import { membershipRoles, memberships, roles, type Role } from '@/db/schema';
import { checkCustomRole, type CustomRoleCheck } from '@/server/domain/access/custom-roles';
import type { Actor } from '@/server/domain/access/actor';
import { ALL_PERMISSIONS, decodeGrant, type Grant } from '@/server/domain/access/permissions';
import { PREDEFINED_ROLES } from '@/server/domain/access/roles';
import { DomainError, notFound } from '@/server/domain/errors';
import type { RoleInput } from '@/server/schemas/roles';
import { recordAudit } from '../audit/record-audit';
import { lockTenant } from './tenant-lock';

export type RoleSummary = {
  id: string;
  name: string;
  description: string;
  predefined: boolean;
  grants: Grant[];
  /** Members of the organization holding the role (status active, deactivated ones included: they can come back). */
  memberCount: number;
};

const PREDEFINED_ORDER = PREDEFINED_ROLES.map((role) => role.key);
const tableOrder = (a: Grant, b: Grant) =>
  ALL_PERMISSIONS.indexOf(a.permission) - ALL_PERMISSIONS.indexOf(b.permission);

function summary(role: Role, memberCount: number): RoleSummary {
  return {
    id: role.id,
    name: role.name,
    description: role.description,
    predefined: role.predefined,
    grants: role.permissions.flatMap((text) => decodeGrant(text) ?? []).sort(tableOrder),
    memberCount,
  };
}

/** Members (status active) of the organization per role; only the organization's memberships are read. */
async function memberCounts(db: Executor, organizationId: string, roleIds?: string[]): Promise<Map<string, number>> {
  const rows = await db
    .select({ roleId: membershipRoles.roleId, members: count() })
    .from(membershipRoles)
    .innerJoin(memberships, eq(memberships.id, membershipRoles.membershipId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.status, 'active'),
        roleIds ? inArray(membershipRoles.roleId, roleIds) : undefined,
      ),
    )
    .groupBy(membershipRoles.roleId);
  return new Map(rows.map((row) => [row.roleId, row.members]));
}

/** Predefined roles first, in their defined order, then custom roles by name. */
export async function listRoles(db: Executor, actor: Actor): Promise<RoleSummary[]> {
  const { organizationId } = actor;
  const rows = await db.select().from(roles).where(rolesUsableBy(organizationId));
  const counts = await memberCounts(db, organizationId);
  const rank = (role: Role) => (role.predefined ? PREDEFINED_ORDER.indexOf(role.key ?? '') : PREDEFINED_ORDER.length);
  return rows
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }))
    .map((role) => summary(role, counts.get(role.id) ?? 0));
}

/** One role the organization can use; another organization's role is "not found". */
export async function getRole(db: Executor, actor: Actor, roleId: string): Promise<RoleSummary> {
  const { organizationId } = actor;
  const role = await usableRoleById(db, organizationId, roleId);
  if (!role) throw notFound('That role');
  const counts = await memberCounts(db, organizationId, [role.id]);
  return summary(role, counts.get(role.id) ?? 0);
}

function refusal(check: Exclude<CustomRoleCheck, { ok: true }>): DomainError {
  if (check.reason === 'beyond_own_grants')
    return new DomainError('forbidden', check.message, { grants: [check.message] });
  return new DomainError(
    'invalid',
    Object.values(check.fieldErrors)[0]?.[0] ?? 'Some fields need attention.',
    check.fieldErrors,
  );
}

async function otherRoleNames(tx: Executor, organizationId: string, exceptRoleId?: string): Promise<string[]> {
  const rows = await tx
    .select({ name: roles.name })
    .from(roles)
    .where(and(eq(roles.organizationId, organizationId), exceptRoleId ? ne(roles.id, exceptRoleId) : undefined));
  return rows.map((row) => row.name);
}

/** Locks a role of the organization for a change; predefined roles are refused with `why`. */
async function lockCustomRole(
  tx: Executor,
  organizationId: string,
  roleId: string,
  why: (name: string) => string,
): Promise<Role> {
  const role = await usableRoleById(tx, organizationId, roleId, { lock: true });
  if (!role) throw notFound('That role');
  if (role.predefined || role.organizationId !== organizationId) throw new DomainError('forbidden', why(role.name));
  return role;
}

/** Creates a custom role; refused when it grants anything beyond the actor's own grants. */
export async function createRole(db: Database, actor: Actor, input: RoleInput, now: Date): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    await lockTenant(tx, actor.organizationId);
    const check = checkCustomRole(input, {
      otherRoleNames: await otherRoleNames(tx, actor.organizationId),
      actorGrants: actor.grants,
    });
    if (!check.ok) throw refusal(check);
    const [role] = await tx
      .insert(roles)
      .values({
        organizationId: actor.organizationId,
        side: 'buyer',
        predefined: false,
        ...check.role,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: roles.id });
    if (!role) throw new Error('could not create the role');
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'role.created',
      targetType: 'role',
      targetId: role.id,
      data: check.role,
      now,
    });
    return role;
  });
}

/** Renames, redescribes or regrants a custom role; the whole new list must be within the actor's grants. */
export async function updateRole(
  db: Database,
  actor: Actor,
  input: RoleInput & { roleId: string },
  now: Date,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    await lockTenant(tx, actor.organizationId);
    const before = await lockCustomRole(
      tx,
      actor.organizationId,
      input.roleId,
      (name) => `“${name}” is a predefined role and cannot be changed. Create a custom role instead.`,
    );
    const check = checkCustomRole(input, {
      otherRoleNames: await otherRoleNames(tx, actor.organizationId, before.id),
      actorGrants: actor.grants,
    });
    if (!check.ok) throw refusal(check);
    await tx
      .update(roles)
      .set({ ...check.role, updatedAt: now })
      .where(eq(roles.id, before.id));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'role.updated',
      targetType: 'role',
      targetId: before.id,
      data: {
        ...check.role,
        before: { name: before.name, description: before.description, permissions: before.permissions },
      },
      now,
    });
    return { id: before.id };
  });
}

/**
 * Deletes a custom role that no member holds. Join requests (pending or declined) that list it
 * lose it with the role: nobody can edit them, and they would keep it from ever going.
 */
export async function deleteRole(db: Database, actor: Actor, roleId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await lockTenant(tx, actor.organizationId);
    // Locking the role row also makes a concurrent assignment of it wait for this transaction.
    const role = await lockCustomRole(
      tx,
      actor.organizationId,
      roleId,
      (name) => `“${name}” is a predefined role and cannot be deleted.`,
    );
    const held = (await memberCounts(tx, actor.organizationId, [role.id])).get(role.id) ?? 0;
    if (held > 0) {
      const members = held === 1 ? '1 member' : `${held} members`;
      throw new DomainError(
        'precondition_failed',
        `“${role.name}” is held by ${members}. Remove it from them first (Users and sub-accounts), then delete it.`,
      );
    }
    const released = await tx
      .delete(membershipRoles)
      .where(
        and(
          eq(membershipRoles.roleId, role.id),
          inArray(
            membershipRoles.membershipId,
            tx
              .select({ id: memberships.id })
              .from(memberships)
              .where(eq(memberships.organizationId, actor.organizationId)),
          ),
        ),
      )
      .returning({ membershipId: membershipRoles.membershipId });
    await tx.delete(roles).where(and(eq(roles.id, role.id), eq(roles.organizationId, actor.organizationId)));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'role.deleted',
      targetType: 'role',
      targetId: role.id,
      data: {
        name: role.name,
        description: role.description,
        permissions: role.permissions,
        ...(released.length > 0 && { removedFromJoinRequests: released.length }),
      },
      now,
    });
  });
}
