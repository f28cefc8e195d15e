import { and, eq } from 'drizzle-orm';
import type { Database, Executor, Transaction } from '@/db/client';
import { peopleHoldingPermission } from '@/db/queries/people';
import {
  contracts,
  customerAccounts,
  memberships,
  organizationAddresses,
  organizationProfiles,
  organizations,
  users,
} from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { approvalBlockers, utcDate } from '@/server/domain/organizations/approval';
import { mayDecideRegistration, maySuspendOrganization } from '@/server/domain/organizations/registration-rights';
import { organizationTransition, type OrganizationAction } from '@/server/domain/organizations/transitions';
import { DomainError, invalidField } from '@/server/domain/errors';
import { enqueueEmail } from '@/server/email/outbox';
import { appUrl } from '@/server/env';
import { recordAudit } from '../audit/record-audit';
import { decisionMaker, requireRegistrationRight } from './registration-review';
import { lockTenant } from '../organizations/tenant-lock';

async function administratorOf(tx: Transaction, organizationId: string) {
  const [admin] = await tx
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      status: users.status,
      emailVerifiedAt: users.emailVerifiedAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.shopAccountRole, 'account_manager')))
    .orderBy(memberships.createdAt)
    .limit(1);
  return admin;
}

/** The seller administrator names the account representative, who is emailed. */
export async function assignRepresentative(
  db: Database,
  input: { organizationId: string; representativeMembershipId: string },
  actor: Actor,
  now: Date,
) {
  requireRegistrationRight(mayDecideRegistration(actor), 'decide');
  await db.transaction(async (tx) => {
    const organization = await lockTenant(tx, input.organizationId);
    const representatives = await peopleHoldingPermission(tx, { sellerStaff: true }, 'staff.accounts.setup');
    const representative = representatives.find((person) => person.membershipId === input.representativeMembershipId);
    if (!representative)
      throw invalidField('representativeMembershipId', 'Choose a member of staff who can set up accounts.');
    await tx
      .update(organizations)
      .set({ accountRepMembershipId: representative.membershipId, updatedAt: now })
      .where(eq(organizations.id, organization.id));
    await enqueueEmail(tx, {
      kind: 'representative-assigned',
      to: representative.email,
      props: {
        name: representative.name,
        organizationName: organization.name,
        setupUrl: appUrl(`/staff/registrations/${organization.id}`),
      },
    });
    await recordAudit(tx, {
      organizationId: organization.id,
      actorUserId: actor.userId,
      action: 'representative.assigned',
      targetType: 'organization',
      targetId: organization.id,
      data: { representative: representative.name },
      now,
    });
  });
}

/**
 * Approves a registration once the administrator's email is confirmed and an account with a
 * current contract exists: the organization and its administrator become active, and the
 * administrator is emailed a sign-in link. Approving twice answers who approved it first.
 */
export async function approveOrganization(db: Database, organizationId: string, actor: Actor, now: Date) {
  requireRegistrationRight(mayDecideRegistration(actor), 'decide');
  await db.transaction(async (tx) => {
    const organization = await transition(tx, organizationId, 'approve', actor, now);
    const admin = await administratorOf(tx, organizationId);
    const [account] = await tx
      .select({ id: customerAccounts.organizationId })
      .from(customerAccounts)
      .where(eq(customerAccounts.organizationId, organizationId));
    const contractRows = await tx
      .select({ validFrom: contracts.validFrom, validTo: contracts.validTo })
      .from(contracts)
      .where(eq(contracts.organizationId, organizationId));
    const blockers = approvalBlockers({
      status: 'pending_approval',
      adminEmailVerified: Boolean(admin?.emailVerifiedAt),
      hasAccount: Boolean(account),
      contracts: contractRows,
      today: utcDate(now),
    });
    if (blockers.length > 0)
      throw new DomainError('precondition_failed', `It cannot be approved yet. ${blockers.join(' ')}`);
    if (admin?.status === 'invited')
      await tx.update(users).set({ status: 'active', updatedAt: now }).where(eq(users.id, admin.userId));
    await addRegisteredAddress(tx, organization);
    if (admin) {
      await enqueueEmail(tx, {
        kind: 'organization-approved',
        to: admin.email,
        props: { name: admin.name, organizationName: organization.name, signInUrl: appUrl('/sign-in') },
      });
    }
  });
}

/** The address the organization registered with becomes its first ship-to address, so it can order at once. */
async function addRegisteredAddress(tx: Executor, organization: { id: string; name: string }) {
  const [existing] = await tx
    .select({ id: organizationAddresses.id })
    .from(organizationAddresses)
    .where(eq(organizationAddresses.organizationId, organization.id))
    .limit(1);
  const [profile] = await tx
    .select()
    .from(organizationProfiles)
    .where(eq(organizationProfiles.organizationId, organization.id));
  if (existing || !profile) return;
  const { addressLine1, addressLine2, city, region, postalCode, country } = profile;
  await tx.insert(organizationAddresses).values({
    organizationId: organization.id,
    label: 'Registered address',
    recipient: organization.name,
    addressLine1,
    addressLine2,
    city,
    region,
    postalCode,
    country,
    isDefault: true,
  });
}

/** Rejects with a reason the buyer administrator reads in the email. */
export async function rejectOrganization(
  db: Database,
  input: { organizationId: string; reason: string },
  actor: Actor,
  now: Date,
) {
  requireRegistrationRight(mayDecideRegistration(actor), 'decide');
  await db.transaction(async (tx) => {
    const organization = await transition(tx, input.organizationId, 'reject', actor, now, input.reason);
    const admin = await administratorOf(tx, input.organizationId);
    if (admin) {
      await enqueueEmail(tx, {
        kind: 'organization-rejected',
        to: admin.email,
        props: { name: admin.name, organizationName: organization.name, reason: input.reason },
      });
    }
  });
}

/** Suspends (members are refused on their next request and told why) or reactivates. */
export async function setSuspended(
  db: Database,
  input: { organizationId: string; reason?: string },
  suspend: boolean,
  actor: Actor,
  now: Date,
) {
  requireRegistrationRight(maySuspendOrganization(actor), 'suspend');
  await db.transaction((tx) =>
    transition(tx, input.organizationId, suspend ? 'suspend' : 'reactivate', actor, now, input.reason),
  );
}

async function transition(
  tx: Transaction,
  organizationId: string,
  action: OrganizationAction,
  actor: Actor,
  now: Date,
  reason?: string,
) {
  const organization = await lockTenant(tx, organizationId);
  const result = organizationTransition(
    organization.status,
    action,
    await decisionMaker(tx, organization, actor.timeZone),
  );
  if (!result.ok) throw new DomainError('conflict', result.message);
  await tx
    .update(organizations)
    .set({
      status: result.to,
      decidedAt: now,
      decidedByUserId: actor.userId,
      statusReason: reason ?? null,
      updatedAt: now,
    })
    .where(eq(organizations.id, organizationId));
  await recordAudit(tx, {
    organizationId,
    actorUserId: actor.userId,
    action: `organization.${action}`,
    targetType: 'organization',
    targetId: organizationId,
    data: reason ? { reason } : {},
    now,
  });
  return organization;
}
