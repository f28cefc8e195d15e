/**
 * The approval policy: which approval steps an order needs, in order, each with the members who
 * may decide it. The orders issue calls it at submit and on the checkout page; spending limits
 * and approval rules (the approvals issue) fill it in. Until then no order needs approval.
 */
export type ApprovalOrder = { totalMinor: number; currency: string; itemCount: number; skuCount: number; shippingMinor: number };
export type ApprovalRequester = { membershipId: string; unitId: string };
export type ApprovalStep = { tier: number; label: string; authorizers: { membershipId: string; name: string }[] };

export function evaluateApproval(input: { order: ApprovalOrder; requester: ApprovalRequester; now: Date }): ApprovalStep[] {
  void input;
  return [];
}
