/** What a decision's answer means, for the message after it: the order's next step in words. */
export type DecisionResult = { number: string; status: string; decision: 'approved' | 'declined' };

const AFTER_APPROVAL: Record<string, string> = {
  pending_approval: 'It still needs other approvals; their authorizers are emailed when their turn comes.',
  payment_authorized: 'It is confirmed and goes on to shipping. The requester is emailed.',
  payment_review: 'The seller reviews its payment next. The requester is emailed.',
  backordered: 'Some items are not in stock yet; it ships when they arrive. The requester is emailed.',
};

/** "You approved order CS-100123. It is confirmed and goes on to shipping. …" */
export function decisionOutcome(result: DecisionResult, requesterName: string): string {
  if (result.decision === 'declined')
    return `You declined order ${result.number}. ${requesterName} is emailed your feedback and can change the order and submit it again.`;
  return `You approved order ${result.number}. ${AFTER_APPROVAL[result.status] ?? 'The requester is emailed.'}`;
}
