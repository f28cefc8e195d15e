import { asc, eq } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { peopleHoldingPermission } from '@/db/queries/people';
import { listRegistrations, registrationDetail } from '@/db/queries/registrations';
import { priceLists, users } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { approvalBlockers, utcDate } from '@/server/domain/organizations/approval';
import { forbidden, notFound } from '@/server/domain/errors';
import {
  maySetUpRegistration,
  REGISTRATION_REFUSALS,
  registrationMay,
  type RegistrationAction,
} from '@/server/domain/organizations/registration-rights';
import { formatTimestamp } from '@/server/domain/time';
import type { RegistrationListInput } from '@/server/schemas/onboarding';

/** Who decided a registration and when, the time in `timeZone` (the reader's), for a refusal that names them. */
export async function decisionMaker(
  tx: Executor,
  organization: { decidedByUserId: string | null; decidedAt: Date | null },
  timeZone: string,
) {
  if (!organization.decidedByUserId || !organization.decidedAt) return undefined;
  const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, organization.decidedByUserId));
  return {
    by: user?.name ?? 'someone',
    at: formatTimestamp(organization.decidedAt, timeZone),
  };
}

/** Refuses, in the domain's words, an action on a registration the rights do not allow. */
export function requireRegistrationRight(allowed: boolean, action: RegistrationAction) {
  if (!allowed) throw forbidden(REGISTRATION_REFUSALS[action]);
}

/** Setting up the account and contracts: the assigned representative, or a seller administrator. */
export function requireSetUpRight(actor: Actor, organization: { accountRepMembershipId: string | null }) {
  requireRegistrationRight(maySetUpRegistration(actor, organization), 'setUp');
}

/** The staff registration page: what was submitted, the account, history, and what stands in the way. */
export async function getRegistration(db: Database, organizationId: string, actor: Actor, now: Date) {
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
  const may = registrationMay(actor, organization);
  return {
    ...detail,
    blockers,
    may,
    representatives: may.decide ? await peopleHoldingPermission(db, { sellerStaff: true }, 'staff.accounts.setup') : [],
    priceLists: await db.select().from(priceLists).orderBy(asc(priceLists.name)),
  };
}

export function searchRegistrations(db: Database, input: RegistrationListInput) {
  return listRegistrations(db, input);
}
