import { asc, count, desc, eq } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { orders, organizations, quoteLines, quotes, users } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { DomainError, invalidField, notFound } from '@/server/domain/errors';
import { formatMoney } from '@/components/catalog/money';
import { parseAmountToMinor } from '@/server/domain/money';
import { effectiveQuoteStatus, quoteActionAllowed } from '@/server/domain/quotes/status';
import { enqueueEmail } from '@/server/email/outbox';
import { appUrl } from '@/server/env';
import type { PriceQuoteInput, QuoteListInput } from '@/server/schemas/quotes';
import { buyerPrices } from '../catalog/browse';
import { quoteLinesOf, quoteStatusWhere, quoteView } from './buyer-quotes';
import { loadMembership } from '../identity/viewer';

const PAGE_SIZE = 25;

/** The quotes desk: requests to price first (oldest first), or any status. */
export async function staffQuoteList(db: Executor, input: QuoteListInput, now: Date) {
  const status = input.status ?? 'requested';
  const where = quoteStatusWhere(status, now);
  const [rows, [total]] = await Promise.all([
    db
      .select({ quote: quotes, organizationName: organizations.name, requesterName: users.name })
      .from(quotes)
      .innerJoin(organizations, eq(organizations.id, quotes.organizationId))
      .innerJoin(users, eq(users.id, quotes.userId))
      .where(where)
      .orderBy(status === 'requested' ? asc(quotes.requestedAt) : desc(quotes.requestedAt), asc(quotes.id))
      .limit(PAGE_SIZE)
      .offset((input.page - 1) * PAGE_SIZE),
    db.select({ n: count() }).from(quotes).where(where),
  ]);
  return {
    total: total?.n ?? 0,
    pageSize: PAGE_SIZE,
    rows: rows.map(({ quote, organizationName, requesterName }) => ({
      number: quote.number,
      status: effectiveQuoteStatus(quote.status, quote.validUntil, now),
      organizationName,
      requesterName,
      requestedAt: quote.requestedAt,
    })),
  };
}

async function quoteByNumber(db: Executor, number: string, lock = false) {
  const query = db.select().from(quotes).where(eq(quotes.number, number));
  const [quote] = lock ? await query.for('update') : await query;
  if (!quote) throw notFound('That quote');
  return quote;
}

/** A quote for pricing: its lines with the customer's contract price beside each, as a starting point, and the order it became. */
export async function staffQuote(db: Executor, number: string, now: Date) {
  const quote = await quoteByNumber(db, number);
  const lines = await quoteLinesOf(db, quote.id);
  const [organization] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, quote.organizationId));
  const [requester] = await db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, quote.userId));
  const contract = await buyerPrices(
    db,
    quote.organizationId,
    lines.map((line) => line.productId),
    now,
  );
  const [order] = quote.orderId
    ? await db.select({ number: orders.number }).from(orders).where(eq(orders.id, quote.orderId))
    : [];
  const view = quoteView(quote, lines, now, true);
  return {
    ...view,
    orderNumber: order?.number ?? null,
    organizationName: organization?.name ?? '',
    requester: requester ?? { name: '', email: '' },
    lines: view.lines.map((line, index) => {
      const price = contract.get(lines[index]?.productId ?? '');
      return {
        ...line,
        contractPriceMinor: price?.kind === 'priced' && price.currency === quote.currency ? price.unitPriceMinor : null,
      };
    }),
  };
}

/**
 * Prices every line (amounts typed in the quote's currency), sets how long the prices hold, and
 * emails the requester — with the total only if they may see prices. Pricing again before it is
 * ordered replaces the prices.
 */
export async function priceQuote(db: Database, actor: Actor, input: PriceQuoteInput, now: Date) {
  return db.transaction(async (tx) => {
    const quote = await quoteByNumber(tx, input.number, true);
    const allowed = quoteActionAllowed(
      'price',
      effectiveQuoteStatus(quote.status, quote.validUntil, now) === 'expired' ? 'priced' : quote.status,
    );
    if (!allowed.ok) throw new DomainError('conflict', allowed.message);
    const validUntil = new Date(`${input.validUntil}T23:59:59Z`);
    if (validUntil <= now) throw invalidField('validUntil', 'Choose a date after today.');
    const lines = await tx.select().from(quoteLines).where(eq(quoteLines.quoteId, quote.id));
    const prices = new Map<number, number>();
    for (const line of input.lines) {
      const minor = parseAmountToMinor(line.unitPrice, quote.currency);
      if (minor === null)
        throw invalidField(
          `lines.${line.lineNumber}`,
          `Enter a price in ${quote.currency} for line ${line.lineNumber}, like 12.50.`,
        );
      prices.set(line.lineNumber, minor);
    }
    const missing = lines.filter((line) => !prices.has(line.lineNumber)).map((line) => line.lineNumber);
    if (missing.length) throw new DomainError('invalid', `Price every line; missing: ${missing.join(', ')}.`);
    for (const line of lines)
      await tx
        .update(quoteLines)
        .set({ unitPriceMinor: prices.get(line.lineNumber) })
        .where(eq(quoteLines.id, line.id));
    await tx
      .update(quotes)
      .set({
        status: 'priced',
        pricedAt: now,
        pricedByUserId: actor.userId,
        validUntil,
        sellerNote: input.sellerNote || null,
        updatedAt: now,
        version: quote.version + 1,
      })
      .where(eq(quotes.id, quote.id));
    const total = lines.reduce((sum, line) => sum + (prices.get(line.lineNumber) ?? 0) * line.quantity, 0);
    await emailRequester(tx, quote, now, {
      priced: true,
      validUntil: input.validUntil,
      total: formatMoney(total, quote.currency),
      note: input.sellerNote,
    });
    return { number: quote.number, status: 'priced' as const };
  });
}

export async function rejectQuote(db: Database, actor: Actor, input: { number: string; reason: string }, now: Date) {
  return db.transaction(async (tx) => {
    const quote = await quoteByNumber(tx, input.number, true);
    const allowed = quoteActionAllowed('reject', quote.status);
    if (!allowed.ok) throw new DomainError('conflict', allowed.message);
    await tx
      .update(quotes)
      .set({
        status: 'rejected',
        sellerNote: input.reason,
        pricedByUserId: actor.userId,
        updatedAt: now,
        version: quote.version + 1,
      })
      .where(eq(quotes.id, quote.id));
    await emailRequester(tx, quote, now, { priced: false, note: input.reason });
    return { number: quote.number, status: 'rejected' as const };
  });
}

async function emailRequester(
  tx: Executor,
  quote: typeof quotes.$inferSelect,
  now: Date,
  answer: { priced: boolean; validUntil?: string; total?: string; note?: string },
) {
  const [user] = await tx
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, quote.userId));
  if (!user) return;
  const loaded = await loadMembership(tx, quote.membershipId, quote.userId);
  const maySeePrices = 'membership' in loaded && loaded.membership.permissions.has('prices.view');
  const { total, ...rest } = answer;
  await enqueueEmail(tx, {
    kind: 'quote-answered',
    to: user.email,
    now,
    props: {
      name: user.name,
      quoteNumber: quote.number,
      quoteUrl: appUrl(`/quotes/${quote.number}`),
      ...rest,
      ...(maySeePrices && total ? { total } : {}),
    },
  });
}
