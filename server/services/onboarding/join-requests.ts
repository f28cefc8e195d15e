import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { predefinedRoleIds } from '@/db/predefined-roles';
import { lockMembershipRequest } from '@/db/queries/members';
import { peopleHoldingPermission } from '@/db/queries/people';
import { membershipRoles, memberships, organizations, users } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { passwordProblem } from '@/server/domain/auth/password-policy';
import { DomainError, invalidField, notFound } from '@/server/domain/errors';
import { formatJoinCode, normalizeJoinCode } from '@/server/domain/organizations/join-code';
import { hashPassword } from '@/server/auth/password';
import { enqueueEmail } from '@/server/email/outbox';
import { appUrl } from '@/server/env';
import type { JoinOrganizationInput } from '@/server/schemas/onboarding';
import { recordAudit } from '../audit/record-audit';
import { sendVerificationEmail, tellAccountExists } from './register';

const INVALID_CODE = 'That invitation code is not valid. Ask your administrator for the current one.';

/** The caller's organization's invitation code, made on first use. */
export async function joinCode(db: Executor, actor: Actor) {
  const { organizationId } = actor;
  const [organization] = await db
    .select({ joinCode: organizations.joinCode })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  const code = organization?.joinCode ?? (await storeNewJoinCode(db, organizationId, new Date()));
  return { code, link: appUrl(`/join?code=${code}`) };
}

async function storeNewJoinCode(db: Executor, organizationId: string, now: Date): Promise<string> {
  const code = formatJoinCode(randomBytes(12));
  await db.update(organizations).set({ joinCode: code, updatedAt: now }).where(eq(organizations.id, organizationId));
  return code;
}

/** A new code for the caller's organization; the old one stops working at once. */
export async function regenerateJoinCode(db: Executor, actor: Actor, now: Date): Promise<string> {
  const code = await storeNewJoinCode(db, actor.organizationId, now);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: 'join_code.regenerated',
    targetType: 'organization',
    targetId: actor.organizationId,
    now,
  });
  return code;
}

/**
 * Someone with the invitation code asks to join as a buyer. They wait as `pending` until an
 * administrator decides; an address that already has a login is emailed instead, and the answer
 * is the same either way.
 */
export async function requestToJoin(
  db: Database,
  input: JoinOrganizationInput,
  now: Date,
): Promise<{ message: string }> {
  const [organization] = await db
    .select()
    .from(organizations)
    .where(eq(organizations.joinCode, normalizeJoinCode(input.code)));
  if (!organization || organization.status !== 'active' || organization.kind !== 'buyer')
    throw invalidField('code', INVALID_CODE);
  const problem = passwordProblem(input.password, input.email);
  if (problem) throw invalidField('password', problem);
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) return tellAccountExists(tx, input.email, `join ${organization.name}`);
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, status: 'invited', createdAt: now, updatedAt: now })
      .returning({ id: users.id });
    if (!user) throw new Error('could not create the user');
    const [membership] = await tx
      .insert(memberships)
      .values({
        userId: user.id,
        organizationId: organization.id,
        unitId: organization.id,
        shopAccountRole: 'sub_account',
        status: 'pending',
        mayOrder: true,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: memberships.id });
    if (!membership) throw new Error('could not create the membership');
    const buyerRole = (await predefinedRoleIds(tx)).get('buyer');
    if (buyerRole) await tx.insert(membershipRoles).values({ membershipId: membership.id, roleId: buyerRole });
    await tx.update(users).set({ lastMembershipId: membership.id }).where(eq(users.id, user.id));
    await sendVerificationEmail(tx, {
      user: { id: user.id, email: input.email, name: input.name },
      organizationName: organization.name,
      nextStep: `After that, the administrator of ${organization.name} reviews your request; we will email you the outcome.`,
      now,
    });
    for (const admin of await peopleHoldingPermission(tx, { organizationId: organization.id }, 'org.users.manage')) {
      await enqueueEmail(tx, {
        kind: 'join-requested',
        to: admin.email,
        props: {
          organizationName: organization.name,
          requesterName: input.name,
          requesterEmail: input.email,
          reviewUrl: appUrl('/admin/joining'),
        },
      });
    }
    await recordAudit(tx, {
      organizationId: organization.id,
      actorUserId: user.id,
      action: 'membership.requested',
      targetType: 'membership',
      targetId: membership.id,
      now,
    });
  });
  return {
    message: `Thank you. Confirm your email address with the link we just sent. Then the administrator of ${organization.name} reviews your request, and we email you the outcome.`,
  };
}

/** Pending requests of the caller's organization, newest first. */
export async function pendingJoinRequests(db: Executor, actor: Actor) {
  return db
    .select({
      membershipId: memberships.id,
      name: users.name,
      email: users.email,
      emailVerifiedAt: users.emailVerifiedAt,
      requestedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, actor.organizationId), eq(memberships.status, 'pending')))
    .orderBy(desc(memberships.createdAt))
    .limit(200);
}

/** Approves or declines a pending request of the caller's organization; the person is emailed. */
export async function decideJoinRequest(
  db: Database,
  actor: Actor,
  input: { membershipId: string; approve: boolean },
  now: Date,
) {
  await db.transaction(async (tx) => {
    const row = await lockMembershipRequest(tx, actor.organizationId, input.membershipId);
    if (!row) throw notFound('That request');
    if (row.membership.status !== 'pending') {
      throw new DomainError(
        'conflict',
        `This request was already ${row.membership.status === 'active' ? 'approved' : 'declined'}.`,
      );
    }
    if (input.approve && !row.user.emailVerifiedAt) {
      throw new DomainError(
        'precondition_failed',
        `${row.user.name} has not confirmed their email address yet. Approve the request once they have.`,
      );
    }
    await tx
      .update(memberships)
      .set({ status: input.approve ? 'active' : 'rejected', updatedAt: now, version: row.membership.version + 1 })
      .where(eq(memberships.id, row.membership.id));
    if (input.approve && row.user.status === 'invited')
      await tx.update(users).set({ status: 'active', updatedAt: now }).where(eq(users.id, row.user.id));
    await enqueueEmail(tx, {
      kind: 'join-decided',
      to: row.user.email,
      props: {
        name: row.user.name,
        organizationName: row.organizationName,
        approved: input.approve,
        signInUrl: appUrl('/sign-in'),
      },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: input.approve ? 'membership.approved' : 'membership.declined',
      targetType: 'membership',
      targetId: row.membership.id,
      data: { name: row.user.name, email: row.user.email },
      now,
    });
  });
}
