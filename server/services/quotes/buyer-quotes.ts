import { and, asc, count, desc, eq, getTableColumns, gt, isNull, lte, or } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { peopleHoldingPermission } from '@/db/queries/people';
import { memberQuoteByNumber } from '@/db/queries/quotes';
import {
  cartLines,
  memberships,
  orders,
  organizations,
  products,
  quoteLines,
  quotes,
  shippingMethods,
  users,
  type Quote,
} from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { DomainError, notFound } from '@/server/domain/errors';
import { acceptShipping, approvalRefusal } from '@/server/domain/orders/checkout-acceptance';
import { priceOrder, type CheckoutLine } from '@/server/domain/orders/totals';
import {
  effectiveQuoteStatus,
  quoteActionAllowed,
  QUOTE_STATUS_LABELS,
  type QuoteStatus,
} from '@/server/domain/quotes/status';
import { enqueueEmail } from '@/server/email/outbox';
import { appUrl } from '@/server/env';
import type { OrderQuoteInput, QuoteApprovalPreviewInput, QuoteListInput } from '@/server/schemas/quotes';
import { approvalSteps, stepLabel } from '../approvals/policy';
import { creditPosition } from '../orders/credit';
import { refusalError, submitOrder } from '../orders/checkout';

const PAGE_SIZE = 25;

/** The quote as a person reads it: its effective status, and prices only for those who may see them. */
export function quoteView(
  quote: Quote,
  lines: (typeof quoteLines.$inferSelect & { pictureKey?: string | null })[],
  now: Date,
  maySeePrices: boolean,
) {
  const status = effectiveQuoteStatus(quote.status, quote.validUntil, now);
  const priced = lines.every((line) => line.unitPriceMinor !== null);
  return {
    number: quote.number,
    status,
    statusLabel: QUOTE_STATUS_LABELS[status],
    requestedAt: quote.requestedAt,
    pricedAt: quote.pricedAt,
    validUntil: quote.validUntil,
    buyerNote: quote.buyerNote,
    sellerNote: quote.sellerNote,
    currency: quote.currency,
    lines: lines.map((line) => ({
      lineNumber: line.lineNumber,
      sku: line.sku,
      name: line.name,
      pictureKey: line.pictureKey ?? null,
      unit: line.unit,
      quantity: line.quantity,
      ...(maySeePrices
        ? {
            unitPriceMinor: line.unitPriceMinor,
            lineTotalMinor: line.unitPriceMinor === null ? null : line.unitPriceMinor * line.quantity,
          }
        : {}),
    })),
    ...(maySeePrices && priced
      ? { totalMinor: lines.reduce((sum, line) => sum + (line.unitPriceMinor ?? 0) * line.quantity, 0) }
      : {}),
  };
}

/**
 * A status filter as people read the statuses: a priced quote past its date is listed under
 * "expired", not "priced" (the stored status stays 'priced'; see effectiveQuoteStatus).
 */
export function quoteStatusWhere(status: QuoteStatus, now: Date) {
  if (status === 'priced')
    return and(eq(quotes.status, 'priced'), or(isNull(quotes.validUntil), gt(quotes.validUntil, now)));
  if (status === 'expired')
    return or(eq(quotes.status, 'expired'), and(eq(quotes.status, 'priced'), lte(quotes.validUntil, now)));
  return eq(quotes.status, status);
}

/** A quote's lines with each product's current picture. */
export const quoteLinesOf = (db: Executor, quoteId: string) =>
  db
    .select({ ...getTableColumns(quoteLines), pictureKey: products.pictureKey })
    .from(quoteLines)
    .leftJoin(products, eq(products.id, quoteLines.productId))
    .where(eq(quoteLines.quoteId, quoteId))
    .orderBy(asc(quoteLines.lineNumber));

/**
 * Turns the cart into a quote request, in one transaction: the lines are copied, the cart is
 * emptied, and the organization's account representative (or, without one, every staff member
 * who prices quotes) is emailed.
 */
export async function requestQuote(db: Database, actor: Actor, input: { note?: string }, now: Date) {
  return db.transaction(async (tx) => {
    const cart = await tx
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
      .orderBy(asc(cartLines.addedAt))
      .for('update', { of: cartLines });
    if (cart.length === 0)
      throw new DomainError('precondition_failed', 'Your cart is empty: add what you want prices for first.');
    const withdrawn = cart.filter((line) => !line.active).map((line) => line.sku);
    if (withdrawn.length)
      throw new DomainError(
        'precondition_failed',
        `No longer sold: ${withdrawn.join(', ')}. Remove them from your cart.`,
      );
    const credit = await creditPosition(tx, actor.organizationId);
    if (!credit)
      throw new DomainError(
        'precondition_failed',
        'Your account is not set up for ordering yet. Ask your account representative.',
      );
    const [quote] = await tx
      .insert(quotes)
      .values({
        organizationId: actor.organizationId,
        unitId: actor.unitId,
        membershipId: actor.membershipId,
        userId: actor.userId,
        currency: credit.currency,
        buyerNote: input.note || null,
        requestedAt: now,
        updatedAt: now,
      })
      .returning();
    if (!quote) throw new Error('requestQuote: nothing inserted');
    await tx.insert(quoteLines).values(
      cart.map((line, index) => ({
        quoteId: quote.id,
        lineNumber: index + 1,
        productId: line.productId,
        sku: line.sku,
        name: line.name,
        unit: line.unit,
        quantity: line.quantity,
      })),
    );
    await tx.delete(cartLines).where(eq(cartLines.membershipId, actor.membershipId));
    await emailQuoteDesk(tx, quote, actor.name, cart.length, now);
    return { number: quote.number };
  });
}

async function emailQuoteDesk(tx: Executor, quote: Quote, requesterName: string, lineCount: number, now: Date) {
  const [organization] = await tx.select().from(organizations).where(eq(organizations.id, quote.organizationId));
  const rep = organization?.accountRepMembershipId
    ? await tx
        .select({ email: users.email, name: users.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.id, organization.accountRepMembershipId))
    : [];
  const desk = rep.length > 0 ? rep : await peopleHoldingPermission(tx, { sellerStaff: true }, 'staff.quotes.price');
  for (const person of desk) {
    await enqueueEmail(tx, {
      kind: 'quote-requested',
      to: person.email,
      now,
      props: {
        name: person.name,
        organizationName: organization?.name ?? '',
        requesterName,
        quoteNumber: quote.number,
        lineCount,
        quoteUrl: appUrl(`/staff/quotes/${quote.number}`),
      },
    });
  }
}

/** One of the caller's own quotes: on the buyer side a quote is read by its requester only. */
async function ownQuote(db: Executor, actor: Actor, number: string, lock = false) {
  const quote = await memberQuoteByNumber(db, actor.organizationId, actor.membershipId, number, { lock });
  if (!quote) throw notFound('That quote');
  return quote;
}

export async function myQuotes(db: Executor, actor: Actor, input: QuoteListInput, now: Date) {
  const where = and(
    eq(quotes.membershipId, actor.membershipId),
    input.status ? quoteStatusWhere(input.status, now) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(quotes)
      .where(where)
      .orderBy(desc(quotes.requestedAt), desc(quotes.id))
      .limit(PAGE_SIZE)
      .offset((input.page - 1) * PAGE_SIZE),
    db.select({ n: count() }).from(quotes).where(where),
  ]);
  return {
    total: total?.n ?? 0,
    pageSize: PAGE_SIZE,
    rows: rows.map((quote) => {
      const status = effectiveQuoteStatus(quote.status, quote.validUntil, now);
      return {
        number: quote.number,
        status,
        statusLabel: QUOTE_STATUS_LABELS[status],
        requestedAt: quote.requestedAt,
        validUntil: quote.validUntil,
      };
    }),
  };
}

/** One of the actor's quotes, with the number of the order it became once ordered. */
export async function myQuote(db: Executor, actor: Actor, number: string, now: Date) {
  const quote = await ownQuote(db, actor, number);
  const [lines, [order]] = await Promise.all([
    quoteLinesOf(db, quote.id),
    quote.orderId ? db.select({ number: orders.number }).from(orders).where(eq(orders.id, quote.orderId)) : [],
  ]);
  return { ...quoteView(quote, lines, now, actor.permissions.has('prices.view')), orderNumber: order?.number ?? null };
}

export async function withdrawQuote(db: Database, actor: Actor, number: string, now: Date) {
  return db.transaction(async (tx) => {
    const quote = await ownQuote(tx, actor, number, true);
    const allowed = quoteActionAllowed('withdraw', effectiveQuoteStatus(quote.status, quote.validUntil, now));
    if (!allowed.ok) throw new DomainError('conflict', allowed.message);
    await tx
      .update(quotes)
      .set({ status: 'withdrawn', updatedAt: now, version: quote.version + 1 })
      .where(eq(quotes.id, quote.id));
    return { number: quote.number, status: 'withdrawn' as const };
  });
}

/** A quote's lines as checkout lines at the quoted prices (a line without a price stays "on request"). */
async function quoteCheckoutLines(db: Executor, quote: Quote): Promise<CheckoutLine[]> {
  const rows = await db
    .select({ line: quoteLines, active: products.active })
    .from(quoteLines)
    .innerJoin(products, eq(products.id, quoteLines.productId))
    .where(eq(quoteLines.quoteId, quote.id))
    .orderBy(asc(quoteLines.lineNumber));
  return rows.map(({ line, active }): CheckoutLine => ({
    productId: line.productId,
    sku: line.sku,
    name: line.name,
    unit: line.unit,
    active,
    quantity: line.quantity,
    price:
      line.unitPriceMinor === null
        ? { kind: 'on_request', reason: 'not_in_list' }
        : {
            kind: 'priced',
            unitPriceMinor: line.unitPriceMinor,
            currency: quote.currency,
            listPriceMinor: line.unitPriceMinor,
            discountBasisPoints: 0,
          },
  }));
}

/**
 * What approval ordering this quote with this shipping method would need — the same policy the
 * order meets at submit, shown beforehand as the checkout does for a cart.
 */
export async function quoteApprovalPreview(db: Executor, actor: Actor, input: QuoteApprovalPreviewInput, now: Date) {
  const quote = await ownQuote(db, actor, input.number);
  const allowed = quoteActionAllowed('order', effectiveQuoteStatus(quote.status, quote.validUntil, now));
  if (!allowed.ok) throw new DomainError('conflict', allowed.message);
  const [shipping] = await db
    .select()
    .from(shippingMethods)
    .where(and(eq(shippingMethods.code, input.shippingMethodCode), eq(shippingMethods.active, true)));
  const offered = acceptShipping(shipping ?? null, quote.currency);
  if (!offered.ok) throw refusalError(offered);
  const priced = priceOrder(await quoteCheckoutLines(db, quote), offered.shipping);
  if (!priced.ok) throw refusalError(priced);
  const steps = await approvalSteps(db, actor, priced.totals, now);
  return {
    steps: steps.map((step) => ({
      tier: step.tier,
      label: stepLabel(step, quote.currency),
      authorizers: step.authorizers.map((person) => person.name),
    })),
    problem: approvalRefusal(steps)?.message ?? null,
  };
}

/**
 * Orders a priced quote at its prices, through the same checkout as a cart: approval policy,
 * payment, inventory, idempotency. The quote is marked ordered in that transaction; a quote
 * already ordered, withdrawn or expired is refused.
 */
export async function orderQuote(db: Database, actor: Actor, input: OrderQuoteInput, now: Date) {
  return submitOrder(db, actor, input, now, {
    lines: async (tx) => {
      const quote = await ownQuote(tx, actor, input.number, true);
      const allowed = quoteActionAllowed('order', effectiveQuoteStatus(quote.status, quote.validUntil, now));
      if (!allowed.ok) throw new DomainError('conflict', allowed.message);
      return quoteCheckoutLines(tx, quote);
    },
    consume: async (tx, order) => {
      const [marked] = await tx
        .update(quotes)
        .set({ status: 'ordered', orderId: order.id, updatedAt: now })
        .where(
          and(
            eq(quotes.number, input.number),
            eq(quotes.membershipId, actor.membershipId),
            eq(quotes.status, 'priced'),
          ),
        )
        .returning({ id: quotes.id });
      if (!marked) throw new DomainError('conflict', 'This quote was ordered or changed meanwhile. Reload it.');
    },
  });
}
