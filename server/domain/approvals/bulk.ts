/**
 * Approving several orders at once: each is decided on its own, with the checks of a single
 * approval; this shapes what the authorizer reads afterwards. Pure.
 */
import { formatTimestamp } from '../time';

/** The most orders one bulk approval takes. */
export const BULK_APPROVAL_MAX = 100;

/** How one order of a bulk approval went, as the service found it. */
export type BulkOutcome =
  | { number: string; kind: 'approved'; fullyApproved: boolean }
  | { number: string; kind: 'already_decided'; decision: 'approved' | 'declined'; by: string; at: Date }
  | { number: string; kind: 'refused'; reason: string };

export type BulkLine = { number: string; kind: BulkOutcome['kind']; text: string };

export type BulkResult = {
  /** One sentence for the panel's heading: "3 approved, 1 already decided, 1 refused". */
  heading: string;
  counts: { approved: number; alreadyDecided: number; refused: number };
  /** Approved first, then already decided, then refused; within each, in the order selected. */
  lines: BulkLine[];
};

const RANK: Record<BulkOutcome['kind'], number> = { approved: 0, already_decided: 1, refused: 2 };

function lineText(outcome: BulkOutcome, timeZone: string): string {
  switch (outcome.kind) {
    case 'approved':
      return outcome.fullyApproved
        ? 'Approved: fully approved, it goes on.'
        : 'Approved: it waits for another approval.';
    case 'already_decided':
      return `Already ${outcome.decision} by ${outcome.by} at ${formatTimestamp(outcome.at, timeZone)}.`;
    case 'refused':
      return `Not approved: ${outcome.reason}`;
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the authorizer reads after approving several orders: a heading with the counts and a line per order. */
export function bulkResult(outcomes: readonly BulkOutcome[], timeZone: string): BulkResult {
  const counts = {
    approved: outcomes.filter((outcome) => outcome.kind === 'approved').length,
    alreadyDecided: outcomes.filter((outcome) => outcome.kind === 'already_decided').length,
    refused: outcomes.filter((outcome) => outcome.kind === 'refused').length,
  };
  const parts = [
    plural(counts.approved, 'order approved', 'orders approved'),
    ...(counts.alreadyDecided ? [`${counts.alreadyDecided} already decided`] : []),
    ...(counts.refused ? [`${counts.refused} not approved`] : []),
  ];
  const lines = outcomes
    .map((outcome, index) => ({ outcome, index }))
    .sort((a, b) => RANK[a.outcome.kind] - RANK[b.outcome.kind] || a.index - b.index)
    .map(({ outcome }) => ({ number: outcome.number, kind: outcome.kind, text: lineText(outcome, timeZone) }));
  return { heading: parts.join(', '), counts, lines };
}

/** The order numbers to decide: trimmed, each once, in the order selected. */
export function distinctNumbers(numbers: readonly string[]): string[] {
  return [...new Set(numbers.map((number) => number.trim()).filter(Boolean))];
}
