import { asc, eq } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { peopleHoldingPermission } from '@/db/queries/people';
import { listRegistrations, registrationDetail } from '@/db/queries/registrations';
import { priceLists, users } from '@/db/schema';
import { maySetUpAccount } from '@/server/domain/access/account-setup';
import { approvalBlockers, utcDate } from '@/server/domain/organizations/approval';
import { DomainError, forbidden, notFound } from '@/server/domain/errors';
import { formatTimestamp } from '@/server/domain/time';
import type { RegistrationListInput } from '@/server/schemas/onboarding';
import type { StaffActor } from '../staff-actor';

export async function decisionMaker(
  tx: Executor,
  organization: { decidedByUserId: string | null; decidedAt: Date | null },
) {
  if (!organization.decidedByUserId || !organization.decidedAt) return undefined;
  const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, organization.decidedByUserId));
  return {
    by: user?.name ?? 'someone',
    at: formatTimestamp(organization.decidedAt),
  };
}

export function requireSetUpRight(actor: StaffActor, organization: { accountRepMembershipId: string | null }) {
  if (!maySetUpAccount(actor.permissions, organization.accountRepMembershipId === actor.membershipId)) {
    throw forbidden(
      'Only the account representative assigned to this organization (or a seller administrator) can set up its account.',
    );
  }
}

/** The staff registration page: what was submitted, the account, history, and what stands in the way. */
export async function getRegistration(db: Database, organizationId: string, actor: StaffActor, now: Date) {
  const detail = await registrationDetail(db, organizationId);
  if (!detail) throw notFound('That organization');
  const organization = detail.organization;
  const blockers = approvalBlockers({
    status: organization.status,
    adminEmailVerified: Boolean(detail.administrator?.emailVerifiedAt),
    hasAccount: Boolean(detail.account),
    contracts: detail.contracts.map((row) => row.contract),
    today: utcDate(now),
  });
  const mayDecide = actor.permissions.has('staff.registrations.decide');
  return {
    ...detail,
    blockers,
    may: {
      decide: mayDecide,
      setUp: maySetUpAccount(actor.permissions, organization.accountRepMembershipId === actor.membershipId),
      suspend: actor.permissions.has('staff.organizations.suspend'),
    },
    representatives: mayDecide ? await peopleHoldingPermission(db, { sellerStaff: true }, 'staff.accounts.setup') : [],
    priceLists: await db.select().from(priceLists).orderBy(asc(priceLists.name)),
  };
}

export function searchRegistrations(db: Database, input: RegistrationListInput) {
  return listRegistrations(db, input);
}

export function assertPermission(
  actor: StaffActor,
  permission: Parameters<StaffActor['permissions']['has']>[0],
  message: string,
) {
  if (!actor.permissions.has(permission)) throw new DomainError('forbidden', message);
}
