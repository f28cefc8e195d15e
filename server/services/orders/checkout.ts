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
import { DomainError, invalidField } from '@/server/domain/errors';
import { paymentDecision } from '@/server/domain/orders/payment';
import { priceOrder, type CheckoutLine } from '@/server/domain/orders/totals';
import { PAYMENT_METHODS, type PaymentMethod } from '@/server/domain/organizations/status';
import type { SubmitOrderInput } from '@/server/schemas/orders';
import { undecidableSteps } from '@/server/domain/approvals/evaluate';
import { approvalSteps, stepLabel } from '../approvals/policy';
import { openApprovalSteps } from '../approvals/steps';
import { buyerPrices } from '../catalog/browse';
import { getCart, type CartOwner } from './cart';
import { paymentProvider } from '../payments/provider';
import { lockTenant } from '../organizations/tenant-lock';
import { creditPosition } from './credit';
import { emailOrderReceived } from './notify';
import { proceedAfterApproval } from './proceed';
import { submitContext } from './submit-context';
import { recordOrderEvent, touchedByThisTransaction } from './transition';

/** Who submits: the cart's owner, with the unit their order belongs to, and where their emails go. */
export type Requester = CartOwner & {
  userId: string;
  unitId: string;
  email: string;
  name: string;
  hasLimitedBudget: boolean;
};

async function addressesOf(db: Executor, organizationId: string) {
  return db
    .select()
    .from(organizationAddresses)
    .where(and(eq(organizationAddresses.organizationId, organizationId), eq(organizationAddresses.active, true)))
    .orderBy(desc(organizationAddresses.isDefault), asc(organizationAddresses.label));
}

async function checkoutLines(db: Executor, requester: Requester, now: Date, lock: boolean): Promise<CheckoutLine[]> {
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
    .where(eq(cartLines.membershipId, requester.membershipId))
    .orderBy(asc(cartLines.addedAt), asc(products.sku));
  const rows = lock ? await query.for('update', { of: cartLines }) : await query;
  const prices = await buyerPrices(
    db,
    requester.organizationId,
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
export async function checkoutOptions(db: Database, requester: Requester, now: Date) {
  const maySeePrices = requester.permissions.has('prices.view');
  const [cart, addresses, methods, credit, lines] = await Promise.all([
    getCart(db, requester, now),
    addressesOf(db, requester.organizationId),
    db.select().from(shippingMethods).where(eq(shippingMethods.active, true)).orderBy(asc(shippingMethods.sortOrder)),
    creditPosition(db, requester.organizationId),
    checkoutLines(db, requester, now, false),
  ]);
  const currency = credit?.currency ?? 'USD';
  const offered = methods.filter((method) => method.currency === currency);
  const preview = offered[0]
    ? priceOrder(lines, offered[0])
    : ({ ok: false, message: 'No shipping method is available for your account.' } as const);
  const approval = preview.ok ? await approvalSteps(db, requester, preview.totals, now) : [];
  return {
    cart,
    problem: credit
      ? preview.ok
        ? null
        : preview.message
      : 'Your account is not set up for ordering yet. Ask your account representative.',
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

export function cartSource(requester: Requester, now: Date): LineSource {
  return {
    lines: (tx) => checkoutLines(tx, requester, now, true),
    consume: async (tx) => {
      await tx.delete(cartLines).where(eq(cartLines.membershipId, requester.membershipId));
    },
  };
}

/**
 * Submits the cart (or another line source) as an order, in one transaction: prices it, asks the
 * approval policy, authorizes a card, then either waits for approval or goes on to payment and
 * inventory; empties the cart and emails the requester. The organization's lock makes a second submit with the same key wait and
 * then find the first order, so a double click or a retried request creates one order.
 */
export async function submitOrder(
  db: Database,
  requester: Requester,
  input: SubmitOrderInput,
  now: Date,
  source: LineSource = cartSource(requester, now),
): Promise<SubmittedOrder> {
  return db.transaction(async (tx) => {
    await lockTenant(tx, requester.organizationId);
    const { earlier, credit, address, shipping } = await submitContext(tx, requester, input);
    if (earlier) return { ...earlier, alreadySubmitted: true };
    if (!credit)
      throw new DomainError(
        'precondition_failed',
        'Your account is not set up for ordering yet. Ask your account representative.',
      );
    if (!address) throw invalidField('addressId', 'Choose one of your organization’s addresses.');
    if (!shipping || shipping.currency !== credit.currency)
      throw invalidField('shippingMethodCode', 'Choose one of the shipping methods offered.');
    if (!credit.paymentMethods.includes(input.paymentMethod))
      throw invalidField('paymentMethod', 'Your account does not allow this payment method. Choose another.');

    const priced = priceOrder(await source.lines(tx), shipping);
    if (!priced.ok) throw new DomainError('precondition_failed', priced.message);

    const card =
      input.paymentMethod === 'card'
        ? await authorizeCard(input.cardNumber ?? '', priced.totals.totalMinor, priced.totals.currency)
        : null;

    const steps = await approvalSteps(tx, requester, priced.totals, now);
    if (undecidableSteps(steps).length > 0) {
      throw new DomainError(
        'precondition_failed',
        'This order needs an approval nobody in your organization can give. Ask your administrator to name an authorizer.',
      );
    }
    const [created] = await tx
      .insert(orders)
      .values({
        organizationId: requester.organizationId,
        unitId: requester.unitId,
        membershipId: requester.membershipId,
        userId: requester.userId,
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
      actorUserId: requester.userId,
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
    const recipient = {
      to: requester.email,
      name: requester.name,
      maySeePrices: requester.permissions.has('prices.view'),
    };
    await emailOrderReceived(tx, order, now, { recipient, lines });
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
