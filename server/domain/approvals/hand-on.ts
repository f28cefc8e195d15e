/**
 * Handing a step on: an authorizer gives their place in a pending step to another member. The
 * receiver must be someone the authorizer-validation rules would accept as an authorizer of that
 * order. Pure.
 */
import type { Authorizer } from './evaluate';

/** The longest note that goes with a handed-on step. */
export const HAND_ON_NOTE_MAX = 500;

/** A member as a possible receiver, with the facts the rules need. */
export type HandOnCandidate = {
  membershipId: string;
  name: string;
  organizationId: string;
  /** Activated membership, membership and user active. */
  active: boolean;
  mayAuthorizeOrders: boolean;
  /** Holds "approve orders" (flag and role) with a scope that reaches this order (its unit, or the organization). */
  approveReachesOrder: boolean;
};

/** The order and steps being handed on. */
export type HandOnContext = {
  organizationId: string;
  requesterMembershipId: string;
  giverMembershipId: string;
  /** Everyone already named on the steps handed on. */
  stepAuthorizerIds: readonly string[];
};

/** Why this member may not receive the step, or null when they may. Checked in this order; the first reason is given. */
export function handOnRefusal(candidate: HandOnCandidate, context: HandOnContext): string | null {
  const name = candidate.name;
  if (candidate.organizationId !== context.organizationId) return 'Choose a member of your organization.';
  if (candidate.membershipId === context.giverMembershipId) return 'You already hold this step: choose someone else.';
  if (candidate.membershipId === context.requesterMembershipId)
    return `${name} placed this order, and nobody approves their own order.`;
  if (!candidate.active) return `${name} is not an active member.`;
  if (!candidate.mayAuthorizeOrders) return `${name} may not authorize orders.`;
  if (!candidate.approveReachesOrder) return `${name} has no permission to approve orders of this requester.`;
  if (context.stepAuthorizerIds.includes(candidate.membershipId))
    return `${name} is already an authorizer of this step.`;
  return null;
}

/** The members who may receive the step, in the order given. */
export function eligibleReceivers<C extends HandOnCandidate>(candidates: readonly C[], context: HandOnContext): C[] {
  return candidates.filter((candidate) => handOnRefusal(candidate, context) === null);
}

/**
 * A step's authorizers after the giver handed their place on: the giver goes, and so does a
 * stand-in acting on the giver's behalf (the place they stood in for is no longer the giver's);
 * the receiver comes in their own name.
 */
export function handedOnAuthorizers(
  authorizers: readonly Authorizer[],
  giverMembershipId: string,
  receiver: Pick<Authorizer, 'membershipId' | 'name'>,
): Authorizer[] {
  const kept = authorizers.filter(
    (person) => person.membershipId !== giverMembershipId && person.onBehalfOf?.membershipId !== giverMembershipId,
  );
  return [...kept, { membershipId: receiver.membershipId, name: receiver.name }];
}

/** The history's line: "Paula handed this to Dana: on leave until Monday". */
export function handOnMessage(giver: string, receiver: string, note: string): string {
  const said = note.trim();
  return said ? `${giver} handed this to ${receiver}: ${said}` : `${giver} handed this to ${receiver}.`;
}
