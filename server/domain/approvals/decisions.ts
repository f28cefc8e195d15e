import { formatTimestamp } from '../time';
import type { ApprovalStepStatus, Authorizer } from './evaluate';

/** A step as decisions see it. */
export type DecidableStep = {
  id: string;
  tier: number;
  status: ApprovalStepStatus;
  authorizers: readonly Authorizer[];
  decidedByName?: string | null;
  decidedAt?: Date | null;
};

export type DecisionTarget =
  | { ok: true; stepIds: string[]; onBehalfOf: Authorizer['onBehalfOf'] | null }
  | { ok: false; code: 'forbidden' | 'conflict'; message: string };

/**
 * Which steps a decision by this member settles: every pending step they may decide (one click
 * settles each of their steps of the current tier). Otherwise why not — a clear word for the
 * authorizer who lost a race ("Already approved by Bob at Nov 23, 2026, 2:42 AM PST", in `timeZone`,
 * the zone of the member who reads it).
 */
export function decisionTarget(
  membershipId: string,
  orderIsPending: boolean,
  steps: readonly DecidableStep[],
  timeZone: string,
): DecisionTarget {
  const mine = steps.filter((step) => step.authorizers.some((person) => person.membershipId === membershipId));
  if (mine.length === 0) return { ok: false, code: 'forbidden', message: 'You are not an authorizer of this order.' };
  const pending = orderIsPending ? mine.filter((step) => step.status === 'pending') : [];
  if (pending.length > 0) {
    const entry = pending[0]?.authorizers.find((person) => person.membershipId === membershipId);
    return { ok: true, stepIds: pending.map((step) => step.id), onBehalfOf: entry?.onBehalfOf ?? null };
  }
  const decided = [...mine]
    .filter((step) => (step.status === 'approved' || step.status === 'declined') && step.decidedAt)
    .sort((a, b) => (b.decidedAt?.getTime() ?? 0) - (a.decidedAt?.getTime() ?? 0))[0];
  if (decided?.decidedAt)
    return {
      ok: false,
      code: 'conflict',
      message: `Already ${decided.status} by ${decided.decidedByName ?? 'another authorizer'} at ${formatTimestamp(decided.decidedAt, timeZone)}.`,
    };
  if (orderIsPending && mine.some((step) => step.status === 'waiting'))
    return {
      ok: false,
      code: 'conflict',
      message: 'This order is waiting for an earlier approval; you can decide once it is given.',
    };
  return { ok: false, code: 'conflict', message: 'This order no longer waits for a decision.' };
}

/** After approvals: the lowest tier still to decide, if its turn has come, or that everything is approved. */
export function nextAfterApproval(
  steps: readonly Pick<DecidableStep, 'tier' | 'status'>[],
): { kind: 'wait' } | { kind: 'activate'; tier: number } | { kind: 'approved' } {
  if (steps.some((step) => step.status === 'pending')) return { kind: 'wait' };
  const waiting = steps.filter((step) => step.status === 'waiting').map((step) => step.tier);
  return waiting.length > 0 ? { kind: 'activate', tier: Math.min(...waiting) } : { kind: 'approved' };
}

/** Orders past this point are with the warehouse: their approval decisions stand. */
const REVERSIBLE: readonly string[] = [
  'pending_approval',
  'declined',
  'payment_review',
  'backordered',
  'payment_authorized',
];

export type ReversalTarget =
  { ok: true; stepId: string; tier: number } | { ok: false; code: 'forbidden' | 'conflict'; message: string };

/**
 * Which decision of this member a "cancel my decision" reverses: their latest approval or decline
 * on the order, while the order has not been released to fulfillment.
 */
export function reversalTarget(
  membershipId: string,
  orderStatus: string,
  steps: readonly (DecidableStep & { decidedByMembershipId?: string | null })[],
): ReversalTarget {
  const mine = steps
    .filter(
      (step) =>
        step.decidedByMembershipId === membershipId && (step.status === 'approved' || step.status === 'declined'),
    )
    .sort((a, b) => (b.decidedAt?.getTime() ?? 0) - (a.decidedAt?.getTime() ?? 0));
  const latest = mine[0];
  if (!latest) return { ok: false, code: 'forbidden', message: 'You have no decision on this order to cancel.' };
  if (!REVERSIBLE.includes(orderStatus))
    return {
      ok: false,
      code: 'conflict',
      message: 'The order is already with fulfillment (or canceled); its approval can no longer be reversed.',
    };
  return { ok: true, stepId: latest.id, tier: latest.tier };
}
