import { and, asc, eq, ilike, inArray, ne, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { limitMemberById, limitsOf, lockSpendingLimit } from '@/db/queries/approvals';
import {
  customerAccounts,
  memberships,
  organizations,
  spendingLimitAuthorizers,
  spendingLimits,
  users,
  type SpendingLimitRow,
} from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import type { LimitPeriod } from '@/server/domain/approvals/evaluate';
import { amountProblem, removedAuthorizers } from '@/server/domain/approvals/rule-input';
import { DomainError, invalidField, notFound } from '@/server/domain/errors';
import { formatMoney, parseAmountToMinor } from '@/server/domain/money';
import type { CreateLimitInput, LimitedMembersInput, UpdateLimitInput } from '@/server/schemas/approvals-admin';
import { recordAudit } from '../audit/record-audit';
import { lockTenant } from '../organizations/tenant-lock';
import { assertNoneHasAnythingToDecide } from './authorizer-guard';

/** Who manages limits and rules: a member holding 'org.approvals.manage' in their organization. */
export type Person = { membershipId: string; name: string };

const PAGE_SIZE = 20;

/** The currency the organization orders in (its customer account's); USD until the seller sets one up, as at the checkout. */
export async function organizationCurrency(db: Executor, organizationId: string): Promise<string> {
  const [account] = await db
    .select({ currency: customerAccounts.currency })
    .from(customerAccounts)
    .where(eq(customerAccounts.organizationId, organizationId));
  return account?.currency ?? 'USD';
}

const usable = sql<boolean>`${memberships.status} = 'active' and ${memberships.activated} and ${users.status} = 'active'`;

/** The members who may be named to authorize: active, with "may authorize orders". */
export async function authorizerOptions(db: Executor, organizationId: string) {
  return db
    .select({ membershipId: memberships.id, name: users.name, email: users.email, unitName: organizations.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organizations, eq(organizations.id, memberships.unitId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.mayAuthorizeOrders, true),
        eq(memberships.activated, true),
        eq(memberships.status, 'active'),
        eq(users.status, 'active'),
      ),
    )
    .orderBy(asc(users.name), asc(memberships.id));
}

/** Names of these memberships of the organization (others are left out). */
export async function namesOf(
  db: Executor,
  organizationId: string,
  membershipIds: readonly string[],
): Promise<Map<string, string>> {
  if (membershipIds.length === 0) return new Map();
  const rows = await db
    .select({ membershipId: memberships.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), inArray(memberships.id, [...membershipIds])));
  return new Map(rows.map((row) => [row.membershipId, row.name]));
}

/**
 * Checks that each chosen person is an active member of the organization who may authorize orders
 * (and not `notSelf`, whose own orders they would approve); refusals go beside `field`.
 */
export async function checkAuthorizers(
  tx: Executor,
  organizationId: string,
  membershipIds: readonly string[],
  field: string,
  notSelf?: Person,
): Promise<Person[]> {
  const ids = [...new Set(membershipIds)];
  const rows = ids.length
    ? await tx
        .select({
          membershipId: memberships.id,
          name: users.name,
          usable,
          mayAuthorize: memberships.mayAuthorizeOrders,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.organizationId, organizationId), inArray(memberships.id, ids)))
    : [];
  if (rows.length !== ids.length)
    throw invalidField(field, 'Choose among the members of your organization who may authorize orders.');
  for (const row of rows) {
    if (notSelf && row.membershipId === notSelf.membershipId)
      throw invalidField(field, `${row.name} cannot authorize their own orders. Choose someone else.`);
    if (!row.usable)
      throw invalidField(
        field,
        `${row.name} is not an active member (deactivated, or not signed in yet). Choose someone else.`,
      );
    if (!row.mayAuthorize)
      throw invalidField(
        field,
        `${row.name} may not authorize orders. Tick “May authorize orders” on their account first, or choose someone else.`,
      );
  }
  return ids.map((id) => ({ membershipId: id, name: rows.find((row) => row.membershipId === id)?.name ?? '' }));
}

async function memberOf(db: Executor, organizationId: string, membershipId: string) {
  const member = await limitMemberById(db, organizationId, membershipId);
  if (!member || member.status === 'rejected') throw notFound('That member');
  return member;
}

const PERIOD_WORDS: Record<LimitPeriod, string> = { order: 'per order', month: 'per calendar month' };

/** A member's spending-limit entries, lowest first, with their authorizers' names and who else could be named. */
export async function listLimits(db: Database, actor: Actor, membershipId: string) {
  const { organizationId } = actor;
  const member = await memberOf(db, organizationId, membershipId);
  const [currency, entries, options] = await Promise.all([
    organizationCurrency(db, organizationId),
    limitsOf(db, membershipId),
    authorizerOptions(db, organizationId),
  ]);
  const names = await namesOf(
    db,
    organizationId,
    entries.flatMap((entry) => entry.authorizerMembershipIds),
  );
  return {
    member: {
      membershipId: member.membershipId,
      name: member.name,
      email: member.email,
      unitName: member.unitName,
      hasLimitedBudget: member.hasLimitedBudget,
    },
    currency,
    entries: entries
      .sort((a, b) => a.limitMinor - b.limitMinor || a.id.localeCompare(b.id))
      .map((entry) => ({
        id: entry.id,
        limitMinor: entry.limitMinor,
        period: entry.period,
        authorizers: entry.authorizerMembershipIds
          .map((id) => ({ membershipId: id, name: names.get(id) ?? 'Unknown' }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      })),
    authorizerOptions: options.filter((option) => option.membershipId !== membershipId),
  };
}

/** The organization's sub-accounts with a limited budget, by name, each with its entries. */
export async function limitedMembers(db: Database, actor: Actor, input: LimitedMembersInput) {
  const { organizationId } = actor;
  const pattern = input.search ? `%${input.search.replaceAll(/[%_\\]/g, '\\$&')}%` : undefined;
  const rows = await db
    .select({
      membershipId: memberships.id,
      name: users.name,
      email: users.email,
      unitName: organizations.name,
      active: usable,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organizations, eq(organizations.id, memberships.unitId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.hasLimitedBudget, true),
        eq(memberships.status, 'active'),
        pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(memberships.id))
    .limit(PAGE_SIZE + 1)
    .offset((input.page - 1) * PAGE_SIZE);
  const shown = rows.slice(0, PAGE_SIZE);
  const entries = shown.length
    ? await db
        .select({
          id: spendingLimits.id,
          membershipId: spendingLimits.membershipId,
          limitMinor: spendingLimits.limitMinor,
          period: spendingLimits.period,
          authorizer: spendingLimitAuthorizers.membershipId,
        })
        .from(spendingLimits)
        .leftJoin(spendingLimitAuthorizers, eq(spendingLimitAuthorizers.limitId, spendingLimits.id))
        .where(
          and(
            eq(spendingLimits.organizationId, organizationId),
            inArray(
              spendingLimits.membershipId,
              shown.map((row) => row.membershipId),
            ),
          ),
        )
    : [];
  const names = await namesOf(
    db,
    organizationId,
    entries.flatMap((entry) => (entry.authorizer ? [entry.authorizer] : [])),
  );
  const byEntry = new Map<
    string,
    { id: string; membershipId: string; limitMinor: number; period: LimitPeriod; authorizers: Person[] }
  >();
  for (const entry of entries) {
    const found = byEntry.get(entry.id) ?? {
      id: entry.id,
      membershipId: entry.membershipId,
      limitMinor: entry.limitMinor,
      period: entry.period,
      authorizers: [],
    };
    if (entry.authorizer)
      found.authorizers.push({ membershipId: entry.authorizer, name: names.get(entry.authorizer) ?? 'Unknown' });
    byEntry.set(entry.id, found);
  }
  const all = [...byEntry.values()].sort((a, b) => a.limitMinor - b.limitMinor);
  for (const entry of all) entry.authorizers.sort((a, b) => a.name.localeCompare(b.name));
  return {
    currency: await organizationCurrency(db, organizationId),
    rows: shown.map((row) => ({
      ...row,
      entries: all
        .filter((entry) => entry.membershipId === row.membershipId)
        .map(({ membershipId: _m, ...entry }) => entry),
    })),
    page: input.page,
    hasNext: rows.length > PAGE_SIZE,
  };
}

async function parseLimit(tx: Executor, organizationId: string, text: string) {
  const currency = await organizationCurrency(tx, organizationId);
  const limitMinor = parseAmountToMinor(text, currency);
  if (limitMinor === null) throw invalidField('limit', amountProblem(currency));
  return { currency, limitMinor };
}

async function refuseDuplicate(
  tx: Executor,
  membershipId: string,
  limitMinor: number,
  period: LimitPeriod,
  currency: string,
  exceptLimitId?: string,
) {
  const [same] = await tx
    .select({ id: spendingLimits.id })
    .from(spendingLimits)
    .where(
      and(
        eq(spendingLimits.membershipId, membershipId),
        eq(spendingLimits.limitMinor, limitMinor),
        eq(spendingLimits.period, period),
        exceptLimitId ? ne(spendingLimits.id, exceptLimitId) : undefined,
      ),
    );
  if (same)
    throw invalidField(
      'limit',
      `There is already an entry over ${formatMoney(limitMinor, currency)} ${PERIOD_WORDS[period]}. Add the authorizers to that one instead.`,
    );
}

/** A spending-limit entry of the organization, locked for the change. */
async function lockLimit(tx: Executor, organizationId: string, limitId: string): Promise<SpendingLimitRow> {
  const entry = await lockSpendingLimit(tx, organizationId, limitId);
  if (!entry) throw notFound('That spending limit');
  return entry;
}

async function authorizerIdsOf(tx: Executor, limitId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: spendingLimitAuthorizers.membershipId })
    .from(spendingLimitAuthorizers)
    .where(eq(spendingLimitAuthorizers.limitId, limitId));
  return rows.map((row) => row.id);
}

const auditData = (
  member: Person,
  currency: string,
  limitMinor: number,
  period: LimitPeriod,
  authorizers: readonly Person[],
) => ({
  name: member.name,
  limit: formatMoney(limitMinor, currency),
  period,
  authorizers: authorizers.map((person) => person.name),
});

/** Adds an entry to a sub-account with a limited budget: above the limit, one of the authorizers approves. */
export async function createLimit(
  db: Database,
  actor: Actor,
  input: CreateLimitInput,
  now: Date,
): Promise<{ limitId: string }> {
  return db.transaction(async (tx) => {
    await lockTenant(tx, actor.organizationId);
    const member = await memberOf(tx, actor.organizationId, input.membershipId);
    if (!member.hasLimitedBudget) {
      throw new DomainError(
        'precondition_failed',
        `${member.name} does not have a limited budget, so spending limits would not apply. Tick “Has limited budget” on their account first.`,
      );
    }
    const { currency, limitMinor } = await parseLimit(tx, actor.organizationId, input.limit);
    const authorizers = await checkAuthorizers(
      tx,
      actor.organizationId,
      input.authorizerMembershipIds,
      'authorizerMembershipIds',
      member,
    );
    await refuseDuplicate(tx, member.membershipId, limitMinor, input.period, currency);
    const [entry] = await tx
      .insert(spendingLimits)
      .values({
        organizationId: actor.organizationId,
        membershipId: member.membershipId,
        limitMinor,
        period: input.period,
        createdAt: now,
      })
      .returning({ id: spendingLimits.id });
    if (!entry) throw new Error('createLimit: the entry was not created');
    await tx
      .insert(spendingLimitAuthorizers)
      .values(authorizers.map((person) => ({ limitId: entry.id, membershipId: person.membershipId })));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'spending_limit.created',
      targetType: 'membership',
      targetId: member.membershipId,
      data: auditData(member, currency, limitMinor, input.period, authorizers),
      now,
    });
    return { limitId: entry.id };
  });
}

/**
 * Changes an entry's limit, period or authorizers. Taking someone off it is refused while orders
 * under this entry still wait for them.
 */
export async function updateLimit(
  db: Database,
  actor: Actor,
  input: UpdateLimitInput,
  now: Date,
): Promise<{ limitId: string }> {
  return db.transaction(async (tx) => {
    await lockTenant(tx, actor.organizationId);
    const entry = await lockLimit(tx, actor.organizationId, input.limitId);
    const member = await memberOf(tx, actor.organizationId, entry.membershipId);
    const { currency, limitMinor } = await parseLimit(tx, actor.organizationId, input.limit);
    const before = await authorizerIdsOf(tx, entry.id);
    const removed = removedAuthorizers(before, input.authorizerMembershipIds);
    const removedNames = await namesOf(tx, actor.organizationId, removed);
    await assertNoneHasAnythingToDecide(
      tx,
      actor.organizationId,
      removed.map((id) => ({ membershipId: id, name: removedNames.get(id) ?? 'This authorizer' })),
      {
        scope: { limitIds: [entry.id] },
        field: 'authorizerMembershipIds',
      },
    );
    // People already on the entry may stay even if they could no longer be chosen; newcomers are checked.
    const added = input.authorizerMembershipIds.filter((id) => !before.includes(id));
    await checkAuthorizers(tx, actor.organizationId, added, 'authorizerMembershipIds', member);
    await refuseDuplicate(tx, member.membershipId, limitMinor, input.period, currency, entry.id);
    const kept = [...new Set(input.authorizerMembershipIds)];
    await tx.update(spendingLimits).set({ limitMinor, period: input.period }).where(eq(spendingLimits.id, entry.id));
    await tx.delete(spendingLimitAuthorizers).where(eq(spendingLimitAuthorizers.limitId, entry.id));
    await tx.insert(spendingLimitAuthorizers).values(kept.map((id) => ({ limitId: entry.id, membershipId: id })));
    const names = await namesOf(tx, actor.organizationId, kept);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'spending_limit.updated',
      targetType: 'membership',
      targetId: member.membershipId,
      data: {
        ...auditData(
          member,
          currency,
          limitMinor,
          input.period,
          kept.map((id) => ({ membershipId: id, name: names.get(id) ?? '' })),
        ),
        before: { limit: formatMoney(entry.limitMinor, currency), period: entry.period },
      },
      now,
    });
    return { limitId: entry.id };
  });
}

/** Removes an entry; refused while orders under it still wait for one of its authorizers. */
export async function deleteLimit(db: Database, actor: Actor, limitId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await lockTenant(tx, actor.organizationId);
    const entry = await lockLimit(tx, actor.organizationId, limitId);
    const member = await memberOf(tx, actor.organizationId, entry.membershipId);
    const before = await authorizerIdsOf(tx, entry.id);
    const names = await namesOf(tx, actor.organizationId, before);
    const people = before.map((id) => ({ membershipId: id, name: names.get(id) ?? 'This authorizer' }));
    await assertNoneHasAnythingToDecide(tx, actor.organizationId, people, { scope: { limitIds: [entry.id] } });
    await tx.delete(spendingLimits).where(eq(spendingLimits.id, entry.id));
    const currency = await organizationCurrency(tx, actor.organizationId);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'spending_limit.deleted',
      targetType: 'membership',
      targetId: member.membershipId,
      data: auditData(member, currency, entry.limitMinor, entry.period, people),
      now,
    });
  });
}
