import { randomUUID } from 'node:crypto';
import type { ApprovalStepRow, Order } from '@/db/schema';
import type { PipelinedTransaction } from '@/db/pipelined-transaction';
import type { Actor } from '@/server/domain/access/actor';
import { evaluateApproval, type ApprovalStep } from '@/server/domain/approvals/evaluate';
import { DomainError, invalidField } from '@/server/domain/errors';
import {
  acceptChoices,
  approvalRefusal,
  type CheckoutChoices,
  type CheckoutRefusal,
} from '@/server/domain/orders/checkout-acceptance';
import type { PaymentInput } from '@/server/domain/orders/payment';
import { planSubmit, type SubmitPlan } from '@/server/domain/orders/submit-plan';
import { priceOrder, type CheckoutLine, type PricedOrderLine } from '@/server/domain/orders/totals';
import type { PaymentMethod } from '@/server/domain/organizations/status';
import { noteEmailsQueued } from '@/server/email/outbox';
import { appUrl } from '@/server/env';
import { notePushesQueued, pushesForEmails } from '@/server/push/outbox';
import type { SubmitOrderInput } from '@/server/schemas/orders';
import { emailAuthorizers, inboxRowsFor, newStepValues } from '../approvals/steps';
import type { Authorization } from '../payments/provider';
import { EMAIL_LINE_LIMIT, orderSummaryFor } from './email-summary';
import { orderReceivedProps } from './notify';
import { readForSubmit, type SubmitFacts } from './submit-read';
import { inTransaction, writeSubmit, type NewOrder, type SubmitWrites } from './submit-write';

/** A card authorization obtained before the submit's transaction, for the amount it was asked for. */
export type HeldAuthorization = Authorization & { amountMinor: number; currency: string };

/** The refusal as the form shows it: beside its field, or as a message for the whole checkout. */
export function refusalError(refusal: CheckoutRefusal): DomainError {
  return refusal.field
    ? invalidField(refusal.field, refusal.message)
    : new DomainError('precondition_failed', refusal.message);
}

/** The buyer's choices accepted and the lines priced with them, or the refusal a buyer reads. */
export function acceptAndPrice<
  Account extends { currency: string; paymentMethods: readonly PaymentMethod[] },
  Address,
  Shipping extends { currency: string; costMinor: number },
>(offered: CheckoutChoices<Account, Address, Shipping>, lines: readonly CheckoutLine[]) {
  const choices = acceptChoices(offered);
  if (!choices.ok) throw refusalError(choices);
  const priced = priceOrder(lines, choices.shipping);
  if (!priced.ok) throw refusalError(priced);
  return { choices, priced };
}

/** The order written (or found: a repeated submit), with the card authorization it holds. */
export type WrittenOrder = {
  number: string;
  status: Order['status'];
  alreadySubmitted: boolean;
  paymentReference: string | null;
};

/**
 * The submit's transaction for the cart, in two round trips: one read (`readForSubmit`: BEGIN, the
 * organization's lock, then everything the decisions need, stock locked), the decisions in the
 * domain (choices, prices, the approval policy, payment and allocation — `planSubmit`), and one
 * write (`writeSubmit`) sent with COMMIT. Only an order that needs approval sends more: the emails
 * to its authorizers are built from their own memberships and the requester's budget, read after
 * the write, and COMMIT follows them.
 */
export async function writeCartOrder(
  { tx, commitWith }: PipelinedTransaction,
  actor: Actor,
  input: SubmitOrderInput,
  now: Date,
  card: HeldAuthorization | null,
): Promise<WrittenOrder> {
  const facts = await readForSubmit(tx, actor, input, now);
  if (facts.earlier) return { ...facts.earlier, alreadySubmitted: true };
  const { choices, priced } = acceptAndPrice(
    { account: facts.credit, address: facts.address, shipping: facts.shipping, paymentMethod: input.paymentMethod },
    facts.lines,
  );
  if (card && (card.amountMinor !== priced.totals.totalMinor || card.currency !== priced.totals.currency))
    throw new DomainError(
      'conflict',
      'Your cart changed while the order was being submitted. Check the order and submit it again.',
    );
  const steps = facts.policy ? evaluateApproval({ ...facts.policy, order: priced.totals }) : [];
  const unapprovable = approvalRefusal(steps);
  if (unapprovable) throw refusalError(unapprovable);
  const payment: PaymentInput =
    input.paymentMethod === 'on_account'
      ? {
          method: 'on_account',
          totalMinor: priced.totals.totalMinor,
          availableCreditMinor: choices.account.availableCreditMinor,
        }
      : input.paymentMethod === 'cod'
        ? { method: 'cod' }
        : { method: 'card', cardOutcome: card?.outcome === 'needs_review' ? 'needs_review' : 'authorized' };
  const plan = planSubmit({
    needsApproval: steps.length > 0,
    payment,
    lines: priced.lines.map((line, index) => ({ ...line, lineNumber: index + 1 })),
    stock: facts.stock,
  });
  if (!facts.number) throw new Error('writeCartOrder: no order number was drawn');
  const order: NewOrder = {
    id: randomUUID(),
    number: facts.number,
    organizationId: actor.organizationId,
    unitId: actor.unitId,
    membershipId: actor.membershipId,
    userId: actor.userId,
    status: plan.status,
    version: plan.version,
    idempotencyKey: input.idempotencyKey,
    ...priced.totals,
    shipTo: shipToOf(choices.address),
    shippingMethodCode: choices.shipping.code,
    shippingMethodName: choices.shipping.name,
    poNumber: input.poNumber || null,
    buyerNote: input.note || null,
    paymentMethod: input.paymentMethod as PaymentMethod,
    paymentStatus: plan.paymentStatus,
    cardLast4: card?.last4 ?? null,
    cardOutcome: card?.outcome ?? null,
    paymentReference: card?.reference ?? null,
    captureAttempts: 0,
    captureError: null,
    captureNextAt: null,
    settledAt: null,
    submittedAt: now,
    releasedAt: null,
    shippedAt: null,
    depositedAt: null,
    canceledAt: null,
    updatedAt: now,
  };
  const stepRows = stepRowsOf(order, steps, now);
  const emails = [orderReceivedEmail(actor, facts, order, priced.lines, stepRows)];
  const pushes = pushesForEmails(emails);
  const written = await writeSubmit(steps.length > 0 ? inTransaction(tx) : commitWith, {
    order,
    lines: priced.lines,
    events: historyOf(actor, steps.length > 0, plan),
    allocations: plan.allocations,
    steps: stepRows,
    inbox: inboxRowsFor(order.status, stepRows),
    emails,
    pushes,
  });
  noteEmailsQueued();
  if (written.pushes > 0) notePushesQueued();
  if (steps.length > 0)
    await emailAuthorizers(
      tx,
      written.order,
      stepRows.filter((row) => row.status === 'pending'),
      now,
    );
  return {
    number: order.number,
    status: order.status,
    alreadySubmitted: false,
    paymentReference: order.paymentReference,
  };
}

function shipToOf(address: NonNullable<SubmitFacts['address']>) {
  const { label, recipient, addressLine1, addressLine2, city, region, postalCode, country } = address;
  return { label, recipient, addressLine1, addressLine2, city, region, postalCode, country };
}

/** The order's history as the submit writes it: submitted by the requester, then the system's moves. */
function historyOf(actor: Actor, needsApproval: boolean, plan: SubmitPlan): SubmitWrites['events'] {
  return [
    {
      kind: 'submitted',
      actorUserId: actor.userId,
      message: needsApproval ? 'Order submitted; it needs approval.' : 'Order submitted.',
      data: {},
    },
    ...plan.moves.map((move) => ({
      kind: move.event,
      from: move.from,
      to: move.to,
      actorUserId: null,
      message: move.message,
      data: move.data,
    })),
  ];
}

/** The new order's steps as the write stores them (`newStepValues`), with their ids drawn here. */
function stepRowsOf(order: NewOrder, steps: readonly ApprovalStep[], now: Date): ApprovalStepRow[] {
  return newStepValues(order, steps, now).map((values) => ({
    ...values,
    id: randomUUID(),
    escalatedAt: null,
    decidedByMembershipId: null,
    decidedByUserId: null,
    onBehalfOfMembershipId: null,
    decidedAt: null,
    feedback: null,
    version: 1,
  }));
}

/** The order-received email to the requester, made from what the read brought (as `emailOrderReceived`). */
function orderReceivedEmail(
  actor: Actor,
  facts: SubmitFacts,
  order: NewOrder,
  lines: readonly PricedOrderLine[],
  steps: readonly ApprovalStepRow[],
) {
  const pictureOf = new Map(facts.lines.map((line) => [line.productId, line.pictureKey]));
  const maySeePrices = actor.permissions.has('prices.view');
  const summary = orderSummaryFor(
    order,
    {
      lines: lines
        .slice(0, EMAIL_LINE_LIMIT)
        .map((line) => ({ ...line, pictureKey: pictureOf.get(line.productId) ?? null })),
      lineCount: lines.length,
      steps: steps.map((step) => ({ ...step, deciderName: null, absentName: null })),
      requesterName: facts.requester.name,
      organizationName: facts.organizationName,
    },
    { timeZone: facts.requester.timeZone, maySeePrices },
  );
  const base = {
    name: facts.requester.name,
    orderNumber: order.number,
    orderUrl: appUrl(`/orders/${order.number}`),
    summary,
  };
  return {
    kind: 'order-received' as const,
    to: facts.requester.email,
    props: orderReceivedProps(base, order.status),
  };
}
