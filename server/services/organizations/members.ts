import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database, Executor, Transaction } from '@/db/client';
import { listMembers, memberDetail, otherActiveAccountManagers, roleOptions } from '@/db/queries/members';
import { unitById, unitSubtreeIds } from '@/db/queries/units';
import { emailTokens, membershipRoles, memberships, organizations, users } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { describeGrants, flagsBeyond, grantsBeyond, refusalForGrants } from '@/server/domain/access/granting';
import { ACCOUNT_MANAGER_ROLE, lastAccountManagerProblem, shopAccountRoleFor } from '@/server/domain/access/members';
import {
  MEMBER_FLAG_LABELS,
  type CreateMemberInput,
  type MemberFlag,
  type MemberListInput,
  type UpdateMemberInput,
} from '@/server/schemas/members';
import type { AuditChange } from '@/server/domain/audit/describe';
import { DomainError, forbidden, invalidField, notFound } from '@/server/domain/errors';
import { issueEmailToken } from '@/server/auth/email-tokens';
import { enqueueEmail } from '@/server/email/outbox';
import { appUrl } from '@/server/env';
import { assertAuthorityChangeAllowed, assertNothingToDecide } from '../approvals/authorizer-guard';
import { recordAudit } from '../audit/record-audit';
import { lockTenant } from './tenant-lock';

const FLAGS = Object.keys(MEMBER_FLAG_LABELS) as MemberFlag[];

/** The units an administrator reaches: all of them, or their own unit and those below it. */
export async function reach(db: Executor, organizationId: string, actor: Actor): Promise<string[] | undefined> {
  return actor.grants.get('org.users.manage') === 'unit' ? unitSubtreeIds(db, organizationId, actor.unitId) : undefined;
}

export async function searchMembers(db: Database, actor: Actor, input: MemberListInput) {
  const { organizationId } = actor;
  const { page, pageSize, ...filters } = input;
  return listMembers(
    db,
    { ...filters, organizationId, unitIds: await reach(db, organizationId, actor) },
    { page, pageSize },
  );
}

/** What the member form offers: the units within reach and the roles of the organization. */
export async function memberFormOptions(db: Database, actor: Actor) {
  const { organizationId } = actor;
  const unitIds = await reach(db, organizationId, actor);
  const units = await db
    .select({ id: organizations.id, name: organizations.name, parentId: organizations.parentId })
    .from(organizations)
    .where(
      and(
        eq(organizations.rootId, organizationId),
        eq(organizations.status, 'active'),
        unitIds ? inArray(organizations.id, unitIds) : undefined,
      ),
    )
    .orderBy(organizations.name);
  const roles = await roleOptions(db, organizationId);
  return {
    units,
    roles: roles.map((role) => ({ ...role, grantable: grantsBeyond(actor.grants, role.permissions).length === 0 })),
  };
}

export async function getMember(db: Database, actor: Actor, membershipId: string) {
  const { organizationId } = actor;
  const detail = await memberDetail(db, organizationId, membershipId);
  const unitIds = await reach(db, organizationId, actor);
  if (!detail || (unitIds && !unitIds.includes(detail.membership.unitId))) throw notFound('That member');
  const { passwordHash: _passwordHash, ...user } = detail.user;
  return { ...detail, user };
}

async function assertUnitWithinReach(tx: Transaction, organizationId: string, actor: Actor, unitId: string) {
  const unit = await unitById(tx, organizationId, unitId);
  if (!unit) throw invalidField('unitId', 'Choose one of your departments or branches.');
  if (unit.status !== 'active') throw invalidField('unitId', `${unit.name} is deactivated. Choose an active unit.`);
  const unitIds = await reach(tx, organizationId, actor);
  if (unitIds && !unitIds.includes(unitId))
    throw invalidField('unitId', 'You can only place people in your own unit or the units below it.');
}

/** The chosen roles, checked to exist for this organization; each change must be within the actor's own grants. */
async function checkRoles(
  tx: Transaction,
  organizationId: string,
  actor: Actor,
  roleIds: string[],
  changedRoleIds: string[],
) {
  const options = await roleOptions(tx, organizationId);
  const unknown = roleIds.filter((id) => !options.some((role) => role.id === id));
  if (unknown.length > 0) throw invalidField('roleIds', 'Choose among the roles of your organization.');
  const changed = options.filter((role) => changedRoleIds.includes(role.id));
  const beyond = grantsBeyond(
    actor.grants,
    changed.flatMap((role) => role.permissions),
  );
  if (beyond.length > 0) throw invalidField('roleIds', refusalForGrants(beyond));
  return options.filter((role) => roleIds.includes(role.id));
}

function checkFlags(actor: Actor, changedFlags: Partial<Record<MemberFlag, boolean>>) {
  const gated = Object.fromEntries(Object.keys(changedFlags).map((flag) => [flag, true]));
  const beyond = flagsBeyond(actor.grants, gated);
  if (beyond.length > 0) {
    throw new DomainError(
      'forbidden',
      `You cannot change "${beyond.map((flag) => MEMBER_FLAG_LABELS[flag]).join('", "')}": you do not hold that permission yourself.`,
      {
        [beyond[0] ?? 'mayOrder']: ['You do not hold this permission yourself.'],
      },
    );
  }
}

const flagValues = (input: Record<MemberFlag, boolean>) =>
  Object.fromEntries(FLAGS.map((flag) => [flag, input[flag]])) as Record<MemberFlag, boolean>;

/**
 * Creates a sub-account in the administrator's organization. A new person gets an email to
 * choose a password (expiring, single-use) and shows as invited until they do; someone who already
 * has a login gets this organization added to it.
 */
export async function createMember(db: Database, actor: Actor, input: CreateMemberInput, now: Date) {
  const { organizationId } = actor;
  return db.transaction(async (tx) => {
    const organization = await lockTenant(tx, organizationId);
    await assertUnitWithinReach(tx, organizationId, actor, input.unitId);
    const chosenRoles = await checkRoles(tx, organizationId, actor, input.roleIds, input.roleIds);
    checkFlags(actor, Object.fromEntries(FLAGS.filter((flag) => input[flag]).map((flag) => [flag, true])));

    const [existing] = await tx.select().from(users).where(eq(users.email, input.email));
    if (existing) {
      const [already] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.userId, existing.id), eq(memberships.organizationId, organizationId)));
      if (already) throw invalidField('email', 'This person is already a member of your organization.');
    }
    const [user] = existing
      ? [existing]
      : await tx
          .insert(users)
          .values({ email: input.email, name: input.name, status: 'invited', createdAt: now, updatedAt: now })
          .returning();
    if (!user) throw new Error('could not create the user');
    const [membership] = await tx
      .insert(memberships)
      .values({
        userId: user.id,
        organizationId,
        unitId: input.unitId,
        shopAccountRole: shopAccountRoleFor(chosenRoles.map((role) => role.key)),
        ...flagValues(input),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: memberships.id });
    if (!membership) throw new Error('could not create the membership');
    if (chosenRoles.length > 0)
      await tx
        .insert(membershipRoles)
        .values(chosenRoles.map((role) => ({ membershipId: membership.id, roleId: role.id })));
    if (!user.lastMembershipId)
      await tx.update(users).set({ lastMembershipId: membership.id }).where(eq(users.id, user.id));

    if (existing) {
      await enqueueEmail(tx, {
        kind: 'membership-added',
        to: user.email,
        props: {
          name: user.name,
          organizationName: organization.name,
          addedBy: actor.name,
          signInUrl: appUrl('/sign-in'),
        },
      });
    } else {
      await sendInvitation(tx, { user, organizationName: organization.name, invitedBy: actor.name, now });
    }
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: 'member.created',
      targetType: 'membership',
      targetId: membership.id,
      data: { name: user.name, email: user.email, roles: chosenRoles.map((role) => role.name), invited: !existing },
      now,
    });
    return { membershipId: membership.id, invited: !existing };
  });
}

/**
 * Every field an edit changes, with its value before and after, in the order the form shows them:
 * what the history tells an administrator. Roles are compared by name, in name order.
 */
async function memberChanges(
  tx: Executor,
  detail: NonNullable<Awaited<ReturnType<typeof memberDetail>>>,
  input: UpdateMemberInput,
  chosenRoles: readonly { name: string }[],
): Promise<AuditChange[]> {
  const changes: AuditChange[] = [];
  if (input.name !== detail.user.name) changes.push({ label: 'name', from: detail.user.name, to: input.name });
  if (input.email !== detail.user.email) changes.push({ label: 'email', from: detail.user.email, to: input.email });
  if (input.unitId !== detail.membership.unitId) {
    const [unit] = await tx
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, input.unitId));
    changes.push({ label: 'unit', from: detail.unitName, to: unit?.name ?? null });
  }
  const names = (list: readonly { name: string }[]) => list.map((role) => role.name).sort((a, b) => a.localeCompare(b));
  const [rolesBefore, rolesAfter] = [names(detail.roles), names(chosenRoles)];
  if (rolesBefore.join('\n') !== rolesAfter.join('\n'))
    changes.push({ label: 'roles', from: rolesBefore, to: rolesAfter });
  for (const flag of FLAGS) {
    if (input[flag] !== detail.membership[flag])
      changes.push({ label: MEMBER_FLAG_LABELS[flag], from: detail.membership[flag], to: input[flag] });
  }
  return changes;
}

async function sendInvitation(
  tx: Executor,
  input: { user: { id: string; email: string; name: string }; organizationName: string; invitedBy: string; now: Date },
) {
  const token = await issueEmailToken(tx, {
    purpose: 'set_password',
    email: input.user.email,
    userId: input.user.id,
    now: input.now,
  });
  await enqueueEmail(tx, {
    kind: 'account-created',
    to: input.user.email,
    props: {
      name: input.user.name,
      organizationName: input.organizationName,
      setPasswordUrl: appUrl(`/set-password?token=${token}`),
      createdBy: input.invitedBy,
    },
  });
}

/** Edits a member: name, email (until they first sign in), unit, roles and Sana's flags. */
export async function updateMember(db: Database, actor: Actor, input: UpdateMemberInput, now: Date) {
  const { organizationId } = actor;
  await db.transaction(async (tx) => {
    const organization = await lockTenant(tx, organizationId);
    const detail = await memberDetail(tx, organizationId, input.membershipId);
    const unitIds = await reach(tx, organizationId, actor);
    if (!detail || (unitIds && !unitIds.includes(detail.membership.unitId))) throw notFound('That member');
    if (detail.membership.status !== 'active')
      throw new DomainError('precondition_failed', 'Decide this request to join first, under joining requests.');
    if (input.unitId !== detail.membership.unitId) await assertUnitWithinReach(tx, organizationId, actor, input.unitId);

    const before = detail.roles.map((role) => role.id);
    const changedRoles = [
      ...input.roleIds.filter((id) => !before.includes(id)),
      ...before.filter((id) => !input.roleIds.includes(id)),
    ];
    const chosenRoles = await checkRoles(tx, organizationId, actor, input.roleIds, changedRoles);
    const changedFlags = Object.fromEntries(
      FLAGS.filter((flag) => input[flag] !== detail.membership[flag]).map((flag) => [flag, input[flag]]),
    );
    checkFlags(actor, changedFlags);

    const wasAccountManager =
      detail.roles.some((role) => role.key === ACCOUNT_MANAGER_ROLE) &&
      detail.membership.activated &&
      detail.user.status === 'active';
    const problem = lastAccountManagerProblem({
      organizationName: organization.name,
      memberName: detail.user.name,
      isAccountManagerNow: wasAccountManager,
      isAccountManagerAfter: chosenRoles.some((role) => role.key === ACCOUNT_MANAGER_ROLE),
      otherActiveAccountManagers: await otherActiveAccountManagers(tx, organizationId, detail.membership.id),
    });
    if (problem) throw invalidField('roleIds', problem);
    await assertAuthorityChangeAllowed(tx, organizationId, {
      membershipId: detail.membership.id,
      name: detail.user.name,
      before: { mayAuthorizeOrders: detail.membership.mayAuthorizeOrders, roles: detail.roles },
      after: { mayAuthorizeOrders: input.mayAuthorizeOrders, roles: chosenRoles },
    });

    if (input.email !== detail.user.email) await changeEmail(tx, detail.user, input.email);
    if (input.name !== detail.user.name)
      await tx.update(users).set({ name: input.name, updatedAt: now }).where(eq(users.id, detail.user.id));
    await tx
      .update(memberships)
      .set({
        unitId: input.unitId,
        shopAccountRole: shopAccountRoleFor(chosenRoles.map((role) => role.key)),
        ...flagValues(input),
        version: detail.membership.version + 1,
        updatedAt: now,
      })
      .where(eq(memberships.id, detail.membership.id));
    await tx.delete(membershipRoles).where(eq(membershipRoles.membershipId, detail.membership.id));
    if (chosenRoles.length > 0)
      await tx
        .insert(membershipRoles)
        .values(chosenRoles.map((role) => ({ membershipId: detail.membership.id, roleId: role.id })));
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: 'member.updated',
      targetType: 'membership',
      targetId: detail.membership.id,
      data: {
        name: input.name,
        roles: chosenRoles.map((role) => role.name),
        flags: changedFlags,
        unitChanged: input.unitId !== detail.membership.unitId,
        changes: await memberChanges(tx, detail, input, chosenRoles),
      },
      now,
    });
  });
}

async function changeEmail(tx: Transaction, user: { id: string; status: string }, email: string) {
  if (user.status !== 'invited')
    throw invalidField('email', 'The email address can only change until the person first signs in.');
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (taken) throw invalidField('email', 'Another login already uses this email address.');
  await tx.update(users).set({ email }).where(eq(users.id, user.id));
}

/** Deactivates (refused on their next request) or reactivates a member. */
export async function setMemberActivated(
  db: Database,
  actor: Actor,
  input: { membershipId: string; activated: boolean },
  now: Date,
) {
  const { organizationId } = actor;
  await db.transaction(async (tx) => {
    const organization = await lockTenant(tx, organizationId);
    const detail = await memberDetail(tx, organizationId, input.membershipId);
    const unitIds = await reach(tx, organizationId, actor);
    if (!detail || (unitIds && !unitIds.includes(detail.membership.unitId))) throw notFound('That member');
    const beyond = grantsBeyond(
      actor.grants,
      detail.roles.flatMap((role) => role.permissions),
    );
    if (beyond.length > 0)
      throw forbidden(
        `You cannot ${input.activated ? 'reactivate' : 'deactivate'} someone who holds what you do not: ${describeGrants(beyond)}.`,
      );
    if (!input.activated) {
      const problem = lastAccountManagerProblem({
        organizationName: organization.name,
        memberName: detail.user.name,
        isAccountManagerNow:
          detail.roles.some((role) => role.key === ACCOUNT_MANAGER_ROLE) && detail.membership.activated,
        isAccountManagerAfter: false,
        otherActiveAccountManagers: await otherActiveAccountManagers(tx, organizationId, detail.membership.id),
      });
      if (problem) throw new DomainError('precondition_failed', problem);
      await assertNothingToDecide(tx, organizationId, { membershipId: detail.membership.id, name: detail.user.name });
    }
    await tx
      .update(memberships)
      .set({ activated: input.activated, version: detail.membership.version + 1, updatedAt: now })
      .where(eq(memberships.id, detail.membership.id));
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: input.activated ? 'member.reactivated' : 'member.deactivated',
      targetType: 'membership',
      targetId: detail.membership.id,
      data: { name: detail.user.name },
      now,
    });
  });
}

/** Sends a fresh set-password link; the earlier ones stop working. */
export async function resendInvitation(db: Database, actor: Actor, membershipId: string, now: Date) {
  const { organizationId } = actor;
  await db.transaction(async (tx) => {
    const organization = await lockTenant(tx, organizationId);
    const detail = await memberDetail(tx, organizationId, membershipId);
    const unitIds = await reach(tx, organizationId, actor);
    if (!detail || (unitIds && !unitIds.includes(detail.membership.unitId))) throw notFound('That member');
    if (detail.user.status !== 'invited')
      throw new DomainError('precondition_failed', `${detail.user.name} has already chosen a password.`);
    await tx
      .update(emailTokens)
      .set({ expiresAt: now })
      .where(
        and(
          eq(emailTokens.userId, detail.user.id),
          eq(emailTokens.purpose, 'set_password'),
          isNull(emailTokens.usedAt),
        ),
      );
    await sendInvitation(tx, { user: detail.user, organizationName: organization.name, invitedBy: actor.name, now });
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: 'member.invitation_resent',
      targetType: 'membership',
      targetId: membershipId,
      data: { name: detail.user.name },
      now,
    });
  });
}
