import { and, asc, count, eq, ilike, inArray, ne, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { activeRequesterById, approvalRuleById } from '@/db/queries/approvals';
import { roleOptions } from '@/db/queries/members';
import { approvalRules, membershipRoles, memberships, organizations, users, type ApprovalRuleRow } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { decodeGrant } from '@/server/domain/access/permissions';
import {
  evaluateApproval,
  undecidableSteps,
  type ApprovalOrder,
  type RuleApprovers,
  type RuleAudience,
} from '@/server/domain/approvals/evaluate';
import {
  amountProblem,
  approverIds,
  conditionValueText,
  normalizeRule,
  parseCount,
  removedAuthorizers,
  type NormalizedRule,
} from '@/server/domain/approvals/rule-input';
import { conflict, DomainError, invalidField, notFound } from '@/server/domain/errors';
import { parseAmountToMinor } from '@/server/domain/money';
import type { RuleFields, RuleListInput, TryItInput, UpdateRuleInput } from '@/server/schemas/approvals-admin';
import { recordAudit } from '../audit/record-audit';
import { lockTenant } from '../organizations/tenant-lock';
import { assertNoneHasAnythingToDecide } from './authorizer-guard';
import { authorizerOptions, checkAuthorizers, namesOf, organizationCurrency } from './limits';
import { policyContext, stepLabel } from './policy';

const PAGE_SIZE = 20;
/** The try-it box's requester list; an organization larger than this picks by searching the members page first. */
const MAX_REQUESTERS = 500;

const grantsApproval = (permissions: readonly string[]) =>
  permissions.some((text) => decodeGrant(text)?.permission === 'orders.approve');

/** Active units of the organization (itself included), for "applies to" and their names. */
async function activeUnits(db: Executor, organizationId: string) {
  return db
    .select({ id: organizations.id, name: organizations.name, parentId: organizations.parentId })
    .from(organizations)
    .where(and(eq(organizations.rootId, organizationId), eq(organizations.status, 'active')))
    .orderBy(asc(organizations.name));
}

/** What the rule editor and the try-it box offer: roles, units, people who may authorize, requesters. */
export async function ruleOptions(db: Database, actor: Actor) {
  const { organizationId } = actor;
  const [currency, roles, units, authorizers, requesters] = await Promise.all([
    organizationCurrency(db, organizationId),
    roleOptions(db, organizationId),
    activeUnits(db, organizationId),
    authorizerOptions(db, organizationId),
    db
      .select({ membershipId: memberships.id, name: users.name, unitName: organizations.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(organizations, eq(organizations.id, memberships.unitId))
      .where(
        and(
          eq(memberships.organizationId, organizationId),
          eq(memberships.status, 'active'),
          eq(memberships.activated, true),
        ),
      )
      .orderBy(asc(users.name), asc(memberships.id))
      .limit(MAX_REQUESTERS),
  ]);
  return {
    currency,
    roles: roles.map((role) => ({ id: role.id, name: role.name, mayApprove: grantsApproval(role.permissions) })),
    units,
    authorizers,
    requesters,
  };
}

/** Holders of each role (members of this organization), by role id. */
async function roleHolders(
  db: Executor,
  organizationId: string,
  roleIds: readonly string[],
  eligibleOnly = false,
): Promise<Map<string, string[]>> {
  if (roleIds.length === 0) return new Map();
  const rows = await db
    .select({ roleId: membershipRoles.roleId, membershipId: memberships.id })
    .from(membershipRoles)
    .innerJoin(memberships, eq(memberships.id, membershipRoles.membershipId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        inArray(membershipRoles.roleId, [...roleIds]),
        eligibleOnly
          ? sql`${memberships.mayAuthorizeOrders} and ${memberships.activated} and ${memberships.status} = 'active' and ${users.status} = 'active'`
          : undefined,
      ),
    );
  const holders = new Map<string, string[]>();
  for (const row of rows) holders.set(row.roleId, [...(holders.get(row.roleId) ?? []), row.membershipId]);
  return holders;
}

type Names = {
  roles: Map<string, string>;
  units: Map<string, string>;
  people: Map<string, string>;
  holders: Map<string, string[]>;
};

/** An audience in names: everyone, or the roles or units it names. */
function audienceInNames(appliesTo: RuleAudience, names: Names) {
  if (appliesTo.kind === 'everyone') return { kind: 'everyone' as const, names: [] };
  if (appliesTo.kind === 'roles')
    return { kind: 'roles' as const, names: appliesTo.roleIds.map((id) => names.roles.get(id) ?? 'a deleted role') };
  return { kind: 'units' as const, names: appliesTo.unitIds.map((id) => names.units.get(id) ?? 'a closed unit') };
}

/** Approvers in names: the role with those of its holders who may decide, or the people named. */
function approversInNames(approvers: RuleApprovers, names: Names) {
  if (approvers.kind === 'role') {
    return {
      kind: 'role' as const,
      roleName: names.roles.get(approvers.roleId) ?? 'a deleted role',
      names: (names.holders.get(approvers.roleId) ?? []).map((id) => names.people.get(id) ?? '').sort(),
    };
  }
  return {
    kind: 'members' as const,
    roleName: null,
    names: approvers.membershipIds.map((id) => names.people.get(id) ?? 'someone who left').sort(),
  };
}

async function namesFor(
  db: Executor,
  organizationId: string,
  rules: readonly Pick<ApprovalRuleRow, 'appliesTo' | 'approvers'>[],
): Promise<Names> {
  const approverRoles = rules.flatMap((rule) => (rule.approvers.kind === 'role' ? [rule.approvers.roleId] : []));
  const [roles, units, holders] = await Promise.all([
    roleOptions(db, organizationId),
    activeUnits(db, organizationId),
    roleHolders(db, organizationId, approverRoles, true),
  ]);
  const people = await namesOf(db, organizationId, [
    ...rules.flatMap((rule) => (rule.approvers.kind === 'members' ? rule.approvers.membershipIds : [])),
    ...[...holders.values()].flat(),
  ]);
  return {
    roles: new Map(roles.map((role) => [role.id, role.name])),
    units: new Map(units.map((unit) => [unit.id, unit.name])),
    people,
    holders,
  };
}

/** A page of the organization's rules by tier and name, each with its audience and approvers in names. */
export async function listRules(db: Database, actor: Actor, input: RuleListInput) {
  const { organizationId } = actor;
  const pattern = input.search ? `%${input.search.replaceAll(/[%_\\]/g, '\\$&')}%` : undefined;
  const where = and(
    eq(approvalRules.organizationId, organizationId),
    pattern ? ilike(approvalRules.name, pattern) : undefined,
    input.status ? eq(approvalRules.active, input.status === 'active') : undefined,
  );
  const rows = await db
    .select()
    .from(approvalRules)
    .where(where)
    .orderBy(asc(approvalRules.tier), sql`lower(${approvalRules.name})`, asc(approvalRules.id))
    .limit(PAGE_SIZE + 1)
    .offset((input.page - 1) * PAGE_SIZE);
  const shown = rows.slice(0, PAGE_SIZE);
  const [names, currency, [total]] = await Promise.all([
    namesFor(db, organizationId, shown),
    organizationCurrency(db, organizationId),
    db.select({ n: count() }).from(approvalRules).where(eq(approvalRules.organizationId, organizationId)),
  ]);
  return {
    currency,
    total: total?.n ?? 0,
    rows: shown.map((rule) => ({
      id: rule.id,
      name: rule.name,
      active: rule.active,
      tier: rule.tier,
      conditions: rule.conditions,
      appliesTo: audienceInNames(rule.appliesTo, names),
      approvers: approversInNames(rule.approvers, names),
    })),
    page: input.page,
    hasNext: rows.length > PAGE_SIZE,
  };
}

/** One rule as the editor loads it: values as typed, lists of ids. */
export async function getRule(db: Database, actor: Actor, ruleId: string) {
  const { organizationId } = actor;
  const rule = await approvalRuleById(db, organizationId, ruleId);
  if (!rule) throw notFound('That rule');
  const currency = await organizationCurrency(db, organizationId);
  return {
    id: rule.id,
    version: rule.version,
    name: rule.name,
    active: rule.active,
    tier: rule.tier,
    conditions: rule.conditions.map((condition) => ({
      field: condition.field,
      comparator: condition.comparator,
      value: conditionValueText(condition, currency),
    })),
    appliesTo: {
      kind: rule.appliesTo.kind,
      roleIds: rule.appliesTo.kind === 'roles' ? [...rule.appliesTo.roleIds] : [],
      unitIds: rule.appliesTo.kind === 'units' ? [...rule.appliesTo.unitIds] : [],
    },
    approvers: {
      kind: rule.approvers.kind,
      roleId: rule.approvers.kind === 'role' ? rule.approvers.roleId : '',
      membershipIds: rule.approvers.kind === 'members' ? [...rule.approvers.membershipIds] : [],
    },
  };
}

async function normalized(tx: Executor, organizationId: string, input: RuleFields): Promise<NormalizedRule> {
  const check = normalizeRule(input, await organizationCurrency(tx, organizationId));
  if (!check.ok)
    throw new DomainError(
      'invalid',
      Object.values(check.fieldErrors)[0]?.[0] ?? 'Some fields need attention.',
      check.fieldErrors,
    );
  return check.rule;
}

async function refuseTakenName(tx: Executor, organizationId: string, name: string, exceptRuleId?: string) {
  const [taken] = await tx
    .select({ name: approvalRules.name })
    .from(approvalRules)
    .where(
      and(
        eq(approvalRules.organizationId, organizationId),
        sql`lower(${approvalRules.name}) = lower(${name})`,
        exceptRuleId ? ne(approvalRules.id, exceptRuleId) : undefined,
      ),
    );
  if (taken) throw invalidField('name', `Another rule is already called “${taken.name}”. Choose another name.`);
}

/**
 * Checks that every role, unit and person the rule names belongs to this organization (another
 * organization's ids are refused like unknown ones), and that approvers can approve.
 * `keptApprovers` are named already and stay even if they could no longer be chosen.
 */
async function checkReferences(
  tx: Executor,
  organizationId: string,
  rule: NormalizedRule,
  keptApprovers: readonly string[] = [],
) {
  const roles = await roleOptions(tx, organizationId);
  if (rule.appliesTo.kind === 'roles' && !rule.appliesTo.roleIds.every((id) => roles.some((role) => role.id === id))) {
    throw invalidField('appliesTo', 'Choose among the roles of your organization.');
  }
  if (rule.appliesTo.kind === 'units') {
    const units = await activeUnits(tx, organizationId);
    if (!rule.appliesTo.unitIds.every((id) => units.some((unit) => unit.id === id)))
      throw invalidField('appliesTo', 'Choose among the active units of your organization.');
  }
  if (rule.approvers.kind === 'role') {
    const roleId = rule.approvers.roleId;
    const role = roles.find((candidate) => candidate.id === roleId);
    if (!role) throw invalidField('approvers', 'Choose among the roles of your organization.');
    if (!grantsApproval(role.permissions))
      throw invalidField(
        'approvers',
        `“${role.name}” does not allow approving orders. Choose a role with “Approve orders”, or name the people.`,
      );
  } else {
    await checkAuthorizers(
      tx,
      organizationId,
      rule.approvers.membershipIds.filter((id) => !keptApprovers.includes(id)),
      'approvers',
    );
  }
}

/** The people who currently approve under a rule (every holder of its role, whatever their flags). */
async function currentApprovers(tx: Executor, organizationId: string, approvers: RuleApprovers): Promise<string[]> {
  const holders =
    approvers.kind === 'role' ? await roleHolders(tx, organizationId, [approvers.roleId]) : new Map<string, string[]>();
  return approverIds(approvers, holders);
}

async function lockRule(tx: Executor, organizationId: string, ruleId: string): Promise<ApprovalRuleRow> {
  const rule = await approvalRuleById(tx, organizationId, ruleId, { lock: true });
  if (!rule) throw notFound('That rule');
  return rule;
}

/** Refuses while anyone in `removed` still has orders to decide under this rule. */
async function guardRemoved(
  tx: Executor,
  organizationId: string,
  ruleId: string,
  removed: readonly string[],
  field?: string,
) {
  const names = await namesOf(tx, organizationId, removed);
  await assertNoneHasAnythingToDecide(
    tx,
    organizationId,
    removed.map((id) => ({ membershipId: id, name: names.get(id) ?? 'An approver' })),
    { scope: { ruleIds: [ruleId] }, field },
  );
}

/** Creates an approval rule; the name is unique in the organization, whatever the case. */
export async function createRule(
  db: Database,
  actor: Actor,
  input: RuleFields,
  now: Date,
): Promise<{ ruleId: string }> {
  return db.transaction(async (tx) => {
    await lockTenant(tx, actor.organizationId);
    const rule = await normalized(tx, actor.organizationId, input);
    await refuseTakenName(tx, actor.organizationId, rule.name);
    await checkReferences(tx, actor.organizationId, rule);
    const [row] = await tx
      .insert(approvalRules)
      .values({ organizationId: actor.organizationId, ...rule, createdAt: now, updatedAt: now })
      .returning({ id: approvalRules.id });
    if (!row) throw new Error('createRule: the rule was not created');
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'approval_rule.created',
      targetType: 'approval_rule',
      targetId: row.id,
      data: { name: rule.name, active: rule.active, tier: rule.tier },
      now,
    });
    return { ruleId: row.id };
  });
}

/**
 * Saves an edited rule (the version the editor loaded, or a conflict). Taking approvers away —
 * named people, or a role's holders when the role changes — is refused while orders under this
 * rule still wait for them.
 */
export async function updateRule(
  db: Database,
  actor: Actor,
  input: UpdateRuleInput,
  now: Date,
): Promise<{ ruleId: string }> {
  return db.transaction(async (tx) => {
    await lockTenant(tx, actor.organizationId);
    const before = await lockRule(tx, actor.organizationId, input.ruleId);
    if (before.version !== input.version)
      throw conflict(
        'Someone else changed this rule meanwhile. Reload the page to see their changes, then edit again.',
      );
    const rule = await normalized(tx, actor.organizationId, input);
    await refuseTakenName(tx, actor.organizationId, rule.name, before.id);
    const beforeIds = await currentApprovers(tx, actor.organizationId, before.approvers);
    await checkReferences(
      tx,
      actor.organizationId,
      rule,
      before.approvers.kind === 'members' ? before.approvers.membershipIds : [],
    );
    const afterIds = await currentApprovers(tx, actor.organizationId, rule.approvers);
    await guardRemoved(tx, actor.organizationId, before.id, removedAuthorizers(beforeIds, afterIds), 'approvers');
    await tx
      .update(approvalRules)
      .set({ ...rule, version: before.version + 1, updatedAt: now })
      .where(eq(approvalRules.id, before.id));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'approval_rule.updated',
      targetType: 'approval_rule',
      targetId: before.id,
      data: {
        name: rule.name,
        active: rule.active,
        tier: rule.tier,
        before: {
          name: before.name,
          active: before.active,
          tier: before.tier,
          conditions: before.conditions,
          appliesTo: before.appliesTo,
          approvers: before.approvers,
        },
      },
      now,
    });
    return { ruleId: before.id };
  });
}

/** Turns a rule on or off. Orders already waiting keep the steps they were given at submit. */
export async function setRuleActive(
  db: Database,
  actor: Actor,
  input: { ruleId: string; active: boolean },
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockTenant(tx, actor.organizationId);
    const rule = await lockRule(tx, actor.organizationId, input.ruleId);
    if (rule.active === input.active) return;
    await tx
      .update(approvalRules)
      .set({ active: input.active, version: rule.version + 1, updatedAt: now })
      .where(eq(approvalRules.id, rule.id));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: input.active ? 'approval_rule.activated' : 'approval_rule.deactivated',
      targetType: 'approval_rule',
      targetId: rule.id,
      data: { name: rule.name },
      now,
    });
  });
}

/** Deletes a rule; refused while orders under it still wait for one of its approvers (deactivate it instead). */
export async function deleteRule(db: Database, actor: Actor, ruleId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await lockTenant(tx, actor.organizationId);
    const rule = await lockRule(tx, actor.organizationId, ruleId);
    await guardRemoved(
      tx,
      actor.organizationId,
      rule.id,
      await currentApprovers(tx, actor.organizationId, rule.approvers),
    );
    await tx.delete(approvalRules).where(eq(approvalRules.id, rule.id));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'approval_rule.deleted',
      targetType: 'approval_rule',
      targetId: rule.id,
      data: { name: rule.name },
      now,
    });
  });
}

function tryItOrder(input: TryItInput, currency: string): ApprovalOrder {
  const totalMinor = parseAmountToMinor(input.amount, currency);
  if (totalMinor === null) throw invalidField('amount', amountProblem(currency));
  const itemCount = parseCount(input.itemCount);
  if (itemCount === null || itemCount < 1)
    throw invalidField('itemCount', 'Enter a whole number of items, at least 1.');
  const skuCount = input.skuCount ? parseCount(input.skuCount) : 1;
  if (skuCount === null || skuCount < 1 || skuCount > itemCount)
    throw invalidField('skuCount', 'Enter a whole number from 1 to the number of items.');
  const shippingMinor = input.shipping ? parseAmountToMinor(input.shipping, currency) : 0;
  if (shippingMinor === null) throw invalidField('shipping', amountProblem(currency));
  if (shippingMinor > totalMinor)
    throw invalidField('shipping', 'Shipping is part of the order total, so it cannot be more than the total.');
  return { totalMinor, itemCount, skuCount, shippingMinor };
}

/**
 * The "try it" box: what the checkout would say for an order like this one from this member, now —
 * the same policy (their limits, month so far, the active rules) through the same function.
 */
export async function tryRules(db: Database, actor: Actor, input: TryItInput, now: Date) {
  const currency = await organizationCurrency(db, actor.organizationId);
  const order = tryItOrder(input, currency);
  const requester = await activeRequesterById(db, actor.organizationId, input.requesterMembershipId);
  if (!requester) throw invalidField('requesterMembershipId', 'Choose a member of your organization.');
  const context = await policyContext(
    db,
    { ...requester, flags: { hasLimitedBudget: requester.hasLimitedBudget } },
    now,
  );
  const steps = context ? evaluateApproval({ ...context, order }) : [];
  return {
    currency,
    requester: requester.name,
    monthToDateMinor: context?.requester.monthToDateMinor ?? 0,
    undecidable: undecidableSteps(steps).length > 0,
    steps: steps.map((step) => ({
      tier: step.tier,
      label: stepLabel(step, currency),
      escalated: step.escalated,
      authorizers: step.authorizers.map((person) => ({
        name: person.name,
        onBehalfOf: person.onBehalfOf?.name ?? null,
      })),
    })),
  };
}
