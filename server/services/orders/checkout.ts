import { formatAddressLines } from '@/server/domain/addresses/format-address';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database, Executor, Transaction } from '@/db/client';
import {
  cartLines,
  orderLines,
  organizationAddresses,
  orders,
  products,
  shippingMethods,
  type Order,
  type ShipTo,
} from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { DomainError, invalidField } from '@/server/domain/errors';
import { approvalRefusal, checkoutProblem } from '@/server/domain/orders/checkout-acceptance';
import { paymentDecision } from '@/server/domain/orders/payment';
import { priceOrder, type CheckoutLine } from '@/server/domain/orders/totals';
import { PAYMENT_METHODS, type PaymentMethod } from '@/server/domain/organizations/status';
import type { SubmitOrderInput } from '@/server/schemas/orders';
import { approvalSteps, stepLabel } from '../approvals/policy';
import { openApprovalSteps } from '../approvals/steps';
import { buyerPrices } from '../catalog/browse';
import { getCart } from './cart';
import { paymentProvider } from '../payments/provider';
import { queueVoid, sendDueVoids } from '../payments/voids';
import { lockTenant } from '../organizations/tenant-lock';
import { pipelinedTransaction } from '@/db/pipelined-transaction';
import { acceptAndPrice, refusalError, writeCartOrder, type HeldAuthorization } from './cart-submit';
import { creditPosition } from './credit';
import { emailOrderReceived } from './notify';
import { proceedAfterApproval } from './proceed';
import { submitContext } from './submit-context';
import { recordOrderEvent, touchedByThisTransaction } from './transition';

export { refusalError };

async function addressesOf(db: Executor, organizationId: string) {
  return db
    .select()
    .from(organizationAddresses)
    .where(and(eq(organizationAddresses.organizationId, organizationId), eq(organizationAddresses.active, true)))
    .orderBy(desc(organizationAddresses.isDefault), asc(organizationAddresses.label));
}

async function checkoutLines(db: Executor, actor: Actor, now: Date, lock: boolean): Promise<CheckoutLine[]> {
  const query = db
    .select({
      productId: products.id,
      sku: products.sku,
      name: products.name,
      unit: products.unit,
      active: products.active,
      quantity: cartLines.quantity,
    })
    .from(cartLines)
    .innerJoin(products, eq(products.id, cartLines.productId))
    .where(eq(cartLines.membershipId, actor.membershipId))
    .orderBy(asc(cartLines.addedAt), asc(products.sku));
  const rows = lock
    ? await query.for('update', { of: cartLines }).prepare('checkout_lines_locked').execute()
    : await query.prepare('checkout_lines').execute();
  const prices = await buyerPrices(
    db,
    actor.organizationId,
    rows.map((row) => row.productId),
    now,
  );
  return rows.map((row) => ({
    ...row,
    price: prices.get(row.productId) ?? { kind: 'on_request', reason: 'no_contract' },
  }));
}

/**
 * What the checkout page offers: the cart, ship-to addresses, shipping methods, the payment
 * methods the account allows, and what approval the order would need. Amounts (shipping costs,
 * totals, available credit) only for members who may see prices.
 */
export async function checkoutOptions(db: Database, actor: Actor, now: Date) {
  const maySeePrices = actor.permissions.has('prices.view');
  const [cart, addresses, methods, credit, lines] = await Promise.all([
    getCart(db, actor, now),
    addressesOf(db, actor.organizationId),
    db.select().from(shippingMethods).where(eq(shippingMethods.active, true)).orderBy(asc(shippingMethods.sortOrder)),
    creditPosition(db, actor.organizationId),
    checkoutLines(db, actor, now, false),
  ]);
  const currency = credit?.currency ?? 'USD';
  const offered = methods.filter((method) => method.currency === currency);
  const preview = offered[0]
    ? priceOrder(lines, offered[0])
    : ({ ok: false, message: 'No shipping method is available for your account.' } as const);
  const approval = preview.ok ? await approvalSteps(db, actor, preview.totals, now) : [];
  return {
    cart,
    problem: checkoutProblem(credit !== null, preview),
    addresses: addresses.map((address) => ({
      id: address.id,
      label: address.label,
      recipient: address.recipient,
      addressLine1: address.addressLine1,
      addressLine2: address.addressLine2,
      city: address.city,
      region: address.region,
      postalCode: address.postalCode,
      country: address.country,
      isDefault: address.isDefault,
      /** As the post of its country writes it, formatted here so the browser never loads the formatter. */
      lines: formatAddressLines(address),
    })),
    shippingMethods: offered.map((method) => ({
      code: method.code,
      name: method.name,
      description: method.description,
      ...(maySeePrices ? { cost: { amountMinor: method.costMinor, currency: method.currency } } : {}),
    })),
    paymentMethods: PAYMENT_METHODS.filter((method) => credit?.paymentMethods.includes(method)),
    ...(maySeePrices && credit
      ? { credit: { currency: credit.currency, availableCreditMinor: credit.availableCreditMinor } }
      : {}),
    approval: approval.map((step) => ({
      tier: step.tier,
      label: stepLabel(step, currency),
      authorizers: step.authorizers.map((person) => person.name),
    })),
  };
}

function shipToOf(address: typeof organizationAddresses.$inferSelect): ShipTo {
  const { label, recipient, addressLine1, addressLine2, city, region, postalCode, country } = address;
  return { label, recipient, addressLine1, addressLine2, city, region, postalCode, country };
}

export type SubmittedOrder = { number: string; status: Order['status']; alreadySubmitted: boolean };

/**
 * Where an order's lines come from, and what becomes of that source once the order exists: the
 * cart (emptied) by default, or an accepted quote (marked ordered).
 */
export type LineSource = {
  lines: (tx: Executor) => Promise<CheckoutLine[]>;
  consume: (tx: Executor, order: Order) => Promise<void>;
};

export function cartSource(actor: Actor, now: Date): LineSource {
  return {
    lines: (tx) => checkoutLines(tx, actor, now, true),
    consume: async (tx) => {
      await tx.delete(cartLines).where(eq(cartLines.membershipId, actor.membershipId));
    },
  };
}

/**
 * Submits the cart (or another line source) as an order. A card is authorized first, with no
 * transaction open and no lock held (a slow card network must not hold up the organization's other
 * buyers), keyed by the submit's idempotency key so a retried submit gets the same authorization.
 * Then one transaction, under the organization's lock, prices the order again, asks the approval
 * policy, and either waits for approval or goes on to payment and inventory; empties the cart and
 * emails the actor. The lock makes a second submit with the same key wait and then find the first
 * order, so a double click or a retried request creates one order. If that transaction fails or
 * refuses the order, the authorization is voided.
 *
 * If the process dies between the authorization and the commit, no row records the authorization:
 * a retried submit (same key) gets it back from the provider, and an abandoned one lapses with the
 * provider's hold. A "payment intent" row written before authorizing would let a job void it
 * sooner, at the cost of a write on every card submit; the idempotency key is enough here.
 */
export async function submitOrder(
  db: Database,
  actor: Actor,
  input: SubmitOrderInput,
  now: Date,
  source?: LineSource,
): Promise<SubmittedOrder> {
  let card: HeldAuthorization | null = null;
  if (input.paymentMethod === 'card') {
    const amount = await amountToAuthorize(db, actor, input, source ?? cartSource(actor, now));
    if (amount.kind === 'earlier')
      return { number: amount.earlier.number, status: amount.earlier.status, alreadySubmitted: true };
    card = await authorizeCard(actor, input, amount.totalMinor, amount.currency);
  }
  let submitted: SubmittedOrder & { paymentReference: string | null };
  try {
    submitted = source
      ? await db.transaction((tx) => writeOrder(tx, actor, input, now, source, card))
      : await pipelinedTransaction(db, (transaction) => writeCartOrder(transaction, actor, input, now, card));
  } catch (error) {
    if (card?.reference) await voidUnused(db, card.reference, now);
    throw error;
  }
  // A concurrent submit with the same key wrote the order: it holds this same authorization (same
  // idempotency key). Only an order holding another one leaves ours unused.
  if (card?.reference && submitted.paymentReference !== card.reference) await voidUnused(db, card.reference, now);
  return { number: submitted.number, status: submitted.status, alreadySubmitted: submitted.alreadySubmitted };
}

/**
 * What a card submit will charge, read before authorizing (no lock: the transaction prices it
 * again and refuses if it changed), or the earlier order of a repeated submit. Refusals that need
 * no card (address, shipping, an empty cart) come here, before any card call.
 */
async function amountToAuthorize(db: Database, actor: Actor, input: SubmitOrderInput, source: LineSource) {
  const context = await submitContext(db, actor, input);
  if (context.earlier) return { kind: 'earlier' as const, earlier: context.earlier };
  const { priced } = await chooseAndPrice(db, context, input, source);
  return { kind: 'amount' as const, totalMinor: priced.totals.totalMinor, currency: priced.totals.currency };
}

/** The buyer's choices accepted and the cart priced with them, or the refusal a buyer reads. */
async function chooseAndPrice(
  db: Executor,
  context: Awaited<ReturnType<typeof submitContext>>,
  input: SubmitOrderInput,
  source: LineSource,
) {
  const { credit: account, address, shipping } = context;
  return acceptAndPrice({ account, address, shipping, paymentMethod: input.paymentMethod }, await source.lines(db));
}

/** Voids an authorization no order took, after the transaction, through the void queue (retried if the provider fails). */
async function voidUnused(db: Database, reference: string, now: Date) {
  await queueVoid(db, { orderId: null, reference, now });
  await sendDueVoids(db, now, 10).catch(() => 0);
}

async function writeOrder(
  tx: Transaction,
  actor: Actor,
  input: SubmitOrderInput,
  now: Date,
  source: LineSource,
  card: HeldAuthorization | null,
): Promise<SubmittedOrder & { paymentReference: string | null }> {
  await lockTenant(tx, actor.organizationId);
  const context = await submitContext(tx, actor, input);
  if (context.earlier) return { ...context.earlier, alreadySubmitted: true };
  const { choices, priced } = await chooseAndPrice(tx, context, input, source);
  const { account: credit, address, shipping } = choices;
  if (card && (card.amountMinor !== priced.totals.totalMinor || card.currency !== priced.totals.currency))
    throw new DomainError(
      'conflict',
      'Your cart changed while the order was being submitted. Check the order and submit it again.',
    );

  const steps = await approvalSteps(tx, actor, priced.totals, now);
  const unapprovable = approvalRefusal(steps);
  if (unapprovable) throw refusalError(unapprovable);
  const [created] = await tx
    .insert(orders)
    .values({
      organizationId: actor.organizationId,
      unitId: actor.unitId,
      membershipId: actor.membershipId,
      userId: actor.userId,
      status: 'pending_approval',
      idempotencyKey: input.idempotencyKey,
      ...priced.totals,
      shipTo: shipToOf(address),
      shippingMethodCode: shipping.code,
      shippingMethodName: shipping.name,
      poNumber: input.poNumber || null,
      buyerNote: input.note || null,
      paymentMethod: input.paymentMethod as PaymentMethod,
      cardLast4: card?.last4 ?? null,
      cardOutcome: card?.outcome ?? null,
      paymentReference: card?.reference ?? null,
      submittedAt: now,
      updatedAt: now,
      changeXid: touchedByThisTransaction,
    })
    .returning()
    .prepare('insert_order')
    .execute();
  if (!created) throw new Error('submitOrder: the order was not created');
  const lines = await tx
    .insert(orderLines)
    .values(priced.lines.map((line, index) => ({ ...line, orderId: created.id, lineNumber: index + 1 })))
    .returning({
      id: orderLines.id,
      productId: orderLines.productId,
      sku: orderLines.sku,
      name: orderLines.name,
      quantity: orderLines.quantity,
    });
  await recordOrderEvent(tx, created, 'submitted', {
    now,
    actorUserId: actor.userId,
    message: steps.length > 0 ? 'Order submitted; it needs approval.' : 'Order submitted.',
  });
  await source.consume(tx, created);

  if (steps.length > 0) await openApprovalSteps(tx, created, steps, now);
  const order =
    steps.length > 0
      ? created
      : await proceedAfterApproval(tx, created, now, {
          availableCreditMinor: credit.availableCreditMinor,
          lines,
          // The order-received email below says it is backordered.
          emailIfShort: false,
        });
  await emailOrderReceived(tx, order, now);
  return {
    number: order.number,
    status: order.status,
    alreadySubmitted: false,
    paymentReference: card?.reference ?? null,
  };
}

/**
 * Authorizes the card with the provider, keyed by the member and the submit's idempotency key; a
 * declined or invalid card stops the checkout at its field. The provider replays a key's first
 * answer, so if that authorization was voided since (an earlier try of this submit failed), the
 * card is authorized afresh under a key derived from the voided one.
 */
async function authorizeCard(
  actor: Actor,
  input: SubmitOrderInput,
  amountMinor: number,
  currency: string,
): Promise<HeldAuthorization> {
  let idempotencyKey = `submit:${actor.membershipId}:${input.idempotencyKey}`;
  for (let attempt = 0; ; attempt++) {
    const authorization = await paymentProvider().authorize({
      cardNumber: input.cardNumber ?? '',
      amountMinor,
      currency,
      idempotencyKey,
    });
    const decision = paymentDecision({ method: 'card', cardOutcome: authorization.outcome }, ['card']);
    if (decision.kind === 'refused') throw invalidField('cardNumber', decision.message);
    if (!authorization.voided || attempt >= 3) return { ...authorization, amountMinor, currency };
    idempotencyKey = `${idempotencyKey}:after:${authorization.reference}`;
  }
}
