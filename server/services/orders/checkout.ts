import { formatAddressLines } from '@/server/domain/addresses/format-address';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
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
import {
  acceptChoices,
  approvalRefusal,
  checkoutProblem,
  type CheckoutRefusal,
} from '@/server/domain/orders/checkout-acceptance';
import { paymentDecision } from '@/server/domain/orders/payment';
import { priceOrder, type CheckoutLine } from '@/server/domain/orders/totals';
import { PAYMENT_METHODS, type PaymentMethod } from '@/server/domain/organizations/status';
import type { SubmitOrderInput } from '@/server/schemas/orders';
import { approvalSteps, stepLabel } from '../approvals/policy';
import { openApprovalSteps } from '../approvals/steps';
import { buyerPrices } from '../catalog/browse';
import { getCart } from './cart';
import { paymentProvider } from '../payments/provider';
import { lockTenant } from '../organizations/tenant-lock';
import { creditPosition } from './credit';
import { emailOrderReceived } from './notify';
import { proceedAfterApproval } from './proceed';
import { submitContext } from './submit-context';
import { recordOrderEvent, touchedByThisTransaction } from './transition';

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
  const rows = lock ? await query.for('update', { of: cartLines }) : await query;
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
 * Submits the cart (or another line source) as an order, in one transaction: prices it, asks the
 * approval policy, authorizes a card, then either waits for approval or goes on to payment and
 * inventory; empties the cart and emails the actor. The organization's lock makes a second submit with the same key wait and
 * then find the first order, so a double click or a retried request creates one order.
 */
export async function submitOrder(
  db: Database,
  actor: Actor,
  input: SubmitOrderInput,
  now: Date,
  source: LineSource = cartSource(actor, now),
): Promise<SubmittedOrder> {
  return db.transaction(async (tx) => {
    await lockTenant(tx, actor.organizationId);
    const context = await submitContext(tx, actor, input);
    if (context.earlier) return { ...context.earlier, alreadySubmitted: true };
    const choices = acceptChoices({
      account: context.credit,
      address: context.address,
      shipping: context.shipping,
      paymentMethod: input.paymentMethod,
    });
    if (!choices.ok) throw refusalError(choices);
    const { account: credit, address, shipping } = choices;

    const priced = priceOrder(await source.lines(tx), shipping);
    if (!priced.ok) throw refusalError(priced);

    const card =
      input.paymentMethod === 'card'
        ? await authorizeCard(input.cardNumber ?? '', priced.totals.totalMinor, priced.totals.currency)
        : null;

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
      .returning();
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
    return { number: order.number, status: order.status, alreadySubmitted: false };
  });
}

/** Authorizes the card with the provider; a declined or invalid card stops the checkout at its field. */
async function authorizeCard(cardNumber: string, amountMinor: number, currency: string) {
  const authorization = await paymentProvider().authorize({ cardNumber, amountMinor, currency });
  const decision = paymentDecision({ method: 'card', cardOutcome: authorization.outcome }, ['card']);
  if (decision.kind === 'refused') throw invalidField('cardNumber', decision.message);
  return authorization;
}

/** The refusal as the form shows it: beside its field, or as a message for the whole checkout. */
export function refusalError(refusal: CheckoutRefusal): DomainError {
  return refusal.field
    ? invalidField(refusal.field, refusal.message)
    : new DomainError('precondition_failed', refusal.message);
}
