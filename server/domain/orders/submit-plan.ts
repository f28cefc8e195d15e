import { planAllocation, type Allocation, type CenterStock } from './allocation';
import { paymentDecision, type PaymentInput, type PaymentStatus } from './payment';
import { orderTransition, type OrderEvent, type OrderStatus } from './state-machine';

/** A line of the new order as the plan allocates it: its number in the order, product and quantity. */
export type PlannedLine = { lineNumber: number; productId: string; sku: string; quantity: number };

/** A status change of the plan, as the order's history records it (the system acting, no person). */
export type PlannedMove = {
  event: OrderEvent;
  from: OrderStatus;
  to: OrderStatus;
  message: string;
  data: Record<string, unknown>;
};

export type SubmitPlan = {
  /** Where the order ends once the submit's transaction commits, and its version after the moves. */
  status: OrderStatus;
  version: number;
  paymentStatus: PaymentStatus;
  moves: PlannedMove[];
  /** Units to take from each center's stock, by order line; empty unless every line is allocated. */
  allocations: (Allocation & { lineNumber: number })[];
  /** SKUs short of stock when the order is backordered. */
  shortSkus: string[];
};

/**
 * What becomes of a new order, decided before anything is written (the submit writes it all in
 * one statement): waiting for approval when any step applies; otherwise the payment decision
 * (bill-me above the available credit, or a card the provider flagged, goes to payment review),
 * then allocation against the stock read under lock — all lines allocated, or backordered. The
 * same sequence as `proceedAfterApproval`, each move checked by the state machine.
 */
export function planSubmit(input: {
  needsApproval: boolean;
  payment: PaymentInput;
  lines: readonly PlannedLine[];
  stock: readonly CenterStock[];
}): SubmitPlan {
  const start: SubmitPlan = {
    status: 'pending_approval',
    version: 1,
    paymentStatus: 'pending',
    moves: [],
    allocations: [],
    shortSkus: [],
  };
  if (input.needsApproval) return start;
  const decision = paymentDecision(input.payment, [input.payment.method]);
  if (decision.kind === 'review')
    return move(start, 'needs_payment_review', decision.reason, {}, { paymentStatus: 'review' });
  const plan = planAllocation(input.lines, input.stock);
  if (plan.kind === 'short') {
    const shortSkus = input.lines.filter((line) => plan.shortProductIds.includes(line.productId)).map((l) => l.sku);
    const message = `Backordered: not enough stock of ${shortSkus.join(', ')}.`;
    return {
      ...move(start, 'short_of_stock', message, { shortSkus }, { paymentStatus: 'authorized' }),
      shortSkus,
    };
  }
  // A product appears on one line only (a cart holds one line per product).
  const lineOf = new Map(input.lines.map((line) => [line.productId, line.lineNumber]));
  return {
    ...move(start, 'allocated', 'All items allocated from stock.', {}, { paymentStatus: 'authorized' }),
    allocations: plan.allocations.map((allocation) => ({
      ...allocation,
      lineNumber: lineOf.get(allocation.productId) ?? 0,
    })),
  };
}

function move(
  plan: SubmitPlan,
  event: OrderEvent,
  message: string,
  data: Record<string, unknown>,
  set: { paymentStatus: PaymentStatus },
): SubmitPlan {
  const transition = orderTransition(plan.status, event);
  if (!transition.ok) throw new Error(`planSubmit: ${transition.message}`);
  return {
    ...plan,
    ...set,
    status: transition.to,
    version: plan.version + 1,
    moves: [...plan.moves, { event, from: plan.status, to: transition.to, message, data }],
  };
}
