import { and, asc, count, desc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client';
import {
  auditLog,
  contracts,
  customerAccounts,
  memberships,
  organizationProfiles,
  organizations,
  priceLists,
  users,
} from '../schema';

const repUser = alias(users, 'rep_user');
const repMembership = alias(memberships, 'rep_membership');

function escapeLike(text: string) {
  return `%${text.replaceAll(/[%_\\]/g, '\\$&')}%`;
}

/** Buyer organizations for the staff queue: waiting ones first, then newest; searched and paged. */
export async function listRegistrations(
  db: Executor,
  input: { search?: string; status?: (typeof organizations.$inferSelect)['status']; page: number; pageSize: number },
) {
  const where = and(
    eq(organizations.kind, 'buyer'),
    isNull(organizations.parentId),
    input.status ? eq(organizations.status, input.status) : undefined,
    input.search
      ? or(
          ilike(organizations.name, escapeLike(input.search)),
          ilike(organizationProfiles.contactEmail, escapeLike(input.search)),
        )
      : undefined,
  );
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      status: organizations.status,
      createdAt: organizations.createdAt,
      contactName: organizationProfiles.contactName,
      contactEmail: organizationProfiles.contactEmail,
      representative: repUser.name,
    })
    .from(organizations)
    .leftJoin(organizationProfiles, eq(organizationProfiles.organizationId, organizations.id))
    .leftJoin(repMembership, eq(repMembership.id, organizations.accountRepMembershipId))
    .leftJoin(repUser, eq(repUser.id, repMembership.userId))
    .where(where)
    .orderBy(
      desc(sql`${organizations.status} = 'pending_approval'`),
      desc(organizations.createdAt),
      asc(organizations.id),
    )
    .limit(input.pageSize + 1)
    .offset((input.page - 1) * input.pageSize);
  const [total] = await db
    .select({ n: count() })
    .from(organizations)
    .leftJoin(organizationProfiles, eq(organizationProfiles.organizationId, organizations.id))
    .where(where);
  return { rows: rows.slice(0, input.pageSize), hasNext: rows.length > input.pageSize, total: total?.n ?? 0 };
}

/** Everything staff see about one registration. */
export async function registrationDetail(db: Executor, organizationId: string) {
  const [organization] = await db
    .select({
      organization: organizations,
      profile: organizationProfiles,
      representative: { name: repUser.name, email: repUser.email },
    })
    .from(organizations)
    .leftJoin(organizationProfiles, eq(organizationProfiles.organizationId, organizations.id))
    .leftJoin(repMembership, eq(repMembership.id, organizations.accountRepMembershipId))
    .leftJoin(repUser, eq(repUser.id, repMembership.userId))
    .where(and(eq(organizations.id, organizationId), eq(organizations.kind, 'buyer'), isNull(organizations.parentId)));
  if (!organization) return undefined;
  const [administrator] = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      emailVerifiedAt: users.emailVerifiedAt,
      status: users.status,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.shopAccountRole, 'account_manager')))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  const [account] = await db.select().from(customerAccounts).where(eq(customerAccounts.organizationId, organizationId));
  const contractRows = await db
    .select({ contract: contracts, priceListName: priceLists.name })
    .from(contracts)
    .leftJoin(priceLists, eq(priceLists.id, contracts.priceListId))
    .where(eq(contracts.organizationId, organizationId))
    .orderBy(asc(contracts.validFrom));
  const history = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      data: auditLog.data,
      createdAt: auditLog.createdAt,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(eq(auditLog.organizationId, organizationId))
    .orderBy(desc(auditLog.createdAt))
    .limit(100);
  return { ...organization, administrator, account, contracts: contractRows, history };
}
