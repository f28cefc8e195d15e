import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { approvalInbox, approvalRules, approvalSteps, orders } from '@/db/schema';
import { effectivePermissions } from '@/server/domain/access/effective-permissions';
import { DomainError } from '@/server/domain/errors';

/**
 * Sana's authorizer validation: a member who still has orders to decide cannot be taken off a
 * spending limit or a rule, lose "may authorize orders" or the role that makes them an approver,
 * or be deactivated — those orders would wait for someone who can no longer decide. Callers run
 * these checks inside their transaction after `lockTenant`, which submits take too, so no new
 * step can name the member before the change commits.
 */

/** Which steps count: all of the member's, or only those from these limit entries or rules. */
export type StepScope = { limitIds?: readonly string[]; ruleIds?: readonly string[] };

const SHOWN = 10;

/**
 * The numbers of the orders still waiting (pending or waiting for an earlier tier) for a step that
 * names the member. The member's inbox rows are one index range; the steps of those orders are
 * read by order and matched on the authorizers list they were given at submit.
 */
export async function ordersAwaiting(
  tx: Executor,
  organizationId: string,
  membershipId: string,
  scope: StepScope = {},
): Promise<string[]> {
  const sources = [
    ...(scope.limitIds?.length
      ? [sql`(${approvalSteps.source}->>'kind' = 'limit' and ${approvalSteps.source}->>'limitId' in ${scope.limitIds})`]
      : []),
    ...(scope.ruleIds?.length
      ? [sql`(${approvalSteps.source}->>'kind' = 'rule' and ${approvalSteps.source}->>'ruleId' in ${scope.ruleIds})`]
      : []),
  ];
  const scoped = scope.limitIds !== undefined || scope.ruleIds !== undefined;
  if (scoped && sources.length === 0) return [];
  const rows = await tx
    .selectDistinct({ number: orders.number })
    .from(approvalInbox)
    .innerJoin(orders, eq(orders.id, approvalInbox.orderId))
    .innerJoin(approvalSteps, eq(approvalSteps.orderId, approvalInbox.orderId))
    .where(
      and(
        eq(approvalInbox.membershipId, membershipId),
        inArray(approvalInbox.state, ['pending', 'waiting']),
        eq(orders.organizationId, organizationId),
        eq(orders.status, 'pending_approval'),
        inArray(approvalSteps.status, ['pending', 'waiting']),
        sql`${approvalSteps.authorizers} @> ${JSON.stringify([{ membershipId }])}::jsonb`,
        scoped ? sql`(${sql.join(sources, sql` or `)})` : undefined,
      ),
    )
    .orderBy(asc(orders.number))
    .limit(SHOWN + 1);
  return rows.map((row) => row.number);
}

/** "Dana still has orders to decide: CS-100123, CS-100130. Decide them or ask someone to decide them first." */
export function stillDecidingMessage(name: string, numbers: readonly string[]): string {
  const listed = numbers.slice(0, SHOWN).join(', ');
  const more = numbers.length > SHOWN ? ' and more' : '';
  return `${name} still has orders to decide: ${listed}${more}. Decide them or ask someone to decide them first.`;
}

export type Authority = { membershipId: string; name: string };

/**
 * Refuses, naming the orders, while the member has steps to decide (within `scope`). With `field`
 * the message is also put beside that field of the form.
 */
export async function assertNothingToDecide(
  tx: Executor,
  organizationId: string,
  member: Authority,
  options: { scope?: StepScope; field?: string } = {},
): Promise<void> {
  const numbers = await ordersAwaiting(tx, organizationId, member.membershipId, options.scope);
  if (numbers.length === 0) return;
  const message = stillDecidingMessage(member.name, numbers);
  throw new DomainError('precondition_failed', message, options.field ? { [options.field]: [message] } : undefined);
}

/** The same check for several people at once (an authorizer list that loses some of them). */
export async function assertNoneHasAnythingToDecide(
  tx: Executor,
  organizationId: string,
  people: readonly Authority[],
  options: { scope?: StepScope; field?: string } = {},
): Promise<void> {
  for (const person of people) await assertNothingToDecide(tx, organizationId, person, options);
}

type RoleLike = { id: string; permissions: readonly string[] };
export type AuthorityChange = {
  membershipId: string;
  name: string;
  before: { mayAuthorizeOrders: boolean; roles: readonly RoleLike[] };
  after: { mayAuthorizeOrders: boolean; roles: readonly RoleLike[] };
};

const FLAGS_OFF = { mayOrder: false, maySeePrices: false, maySeeStock: false };
const mayApprove = (side: AuthorityChange['before']) =>
  side.mayAuthorizeOrders &&
  effectivePermissions(
    side.roles.flatMap((role) => role.permissions),
    { ...FLAGS_OFF, mayAuthorizeOrders: true },
  ).has('orders.approve');

/**
 * For the members service: an edit that takes away "may authorize orders", the last role that lets
 * the member approve, or a role some rule names as its approvers, is refused while that member
 * still has orders to decide (those of the rules concerned, for a role).
 */
export async function assertAuthorityChangeAllowed(
  tx: Executor,
  organizationId: string,
  change: AuthorityChange,
): Promise<void> {
  const member = { membershipId: change.membershipId, name: change.name };
  if (change.before.mayAuthorizeOrders && !change.after.mayAuthorizeOrders) {
    return assertNothingToDecide(tx, organizationId, member, { field: 'mayAuthorizeOrders' });
  }
  if (mayApprove(change.before) && !mayApprove(change.after)) {
    return assertNothingToDecide(tx, organizationId, member, { field: 'roleIds' });
  }
  const removedRoleIds = change.before.roles
    .filter((role) => !change.after.roles.some((kept) => kept.id === role.id))
    .map((role) => role.id);
  if (removedRoleIds.length === 0) return;
  const rules = await tx
    .select({ id: approvalRules.id })
    .from(approvalRules)
    .where(
      and(
        eq(approvalRules.organizationId, organizationId),
        sql`${approvalRules.approvers}->>'kind' = 'role'`,
        sql`${approvalRules.approvers}->>'roleId' in ${removedRoleIds}`,
      ),
    );
  if (rules.length > 0)
    await assertNothingToDecide(tx, organizationId, member, {
      scope: { ruleIds: rules.map((rule) => rule.id) },
      field: 'roleIds',
    });
}
