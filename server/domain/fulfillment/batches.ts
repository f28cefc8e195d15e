import { ORDER_STATUS_LABELS, type OrderStatus } from '../orders/state-machine';

/** The most orders one pick batch takes, and how many "batch all waiting" takes at once. */
export const MAX_BATCH_ORDERS = 50;

/** An order a clerk named for a batch, as loaded (under its lock) at the batch's center. */
export type BatchCandidate = { number: string; status: OrderStatus; linesAtCenter: number; batchNumber: number | null };

/**
 * Why an order cannot join a pick batch at a center, or null when it can: only released orders
 * with something allocated there, not already in a batch there.
 */
export function batchRefusal(candidate: BatchCandidate | undefined, number: string, centerCode: string): string | null {
  if (!candidate) return `Order ${number} was not found.`;
  if (candidate.status !== 'released') {
    return `Order ${number} is not released to fulfillment (it is ${ORDER_STATUS_LABELS[candidate.status].toLowerCase()}).`;
  }
  if (candidate.linesAtCenter === 0) return `Order ${number} has nothing to ship from ${centerCode}.`;
  if (candidate.batchNumber !== null)
    return `Order ${number} is already in pick batch ${candidate.batchNumber} at ${centerCode}.`;
  return null;
}

/** Every refusal for the orders named, in the order they were named; empty when all may be batched. */
export function batchRefusals(
  numbers: readonly string[],
  candidates: readonly BatchCandidate[],
  centerCode: string,
): string[] {
  return numbers
    .map((number) =>
      batchRefusal(
        candidates.find((candidate) => candidate.number === number),
        number,
        centerCode,
      ),
    )
    .filter((refusal): refusal is string => refusal !== null);
}
