/**
 * A quote's life: the buyer requests it, the account representative prices it (or rejects it),
 * the buyer orders it while it is valid (it becomes an order that goes through approval like any
 * other) or withdraws it; a priced quote not ordered by its date expires.
 */
export const QUOTE_STATUSES = ['requested', 'priced', 'ordered', 'rejected', 'withdrawn', 'expired'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

export const QUOTE_STATUS_LABELS: Record<QuoteStatus, string> = {
  requested: 'Waiting for prices',
  priced: 'Priced — ready to order',
  ordered: 'Ordered',
  rejected: 'Rejected by the seller',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
};

/** A priced quote past its date counts as expired, whether or not anyone has looked at it since. */
export function effectiveQuoteStatus(status: QuoteStatus, validUntil: Date | null, now: Date): QuoteStatus {
  return status === 'priced' && validUntil && validUntil <= now ? 'expired' : status;
}

type QuoteAction = 'price' | 'reject' | 'order' | 'withdraw';
const ALLOWED: Record<QuoteAction, readonly QuoteStatus[]> = {
  price: ['requested', 'priced'],
  reject: ['requested', 'priced'],
  order: ['priced'],
  withdraw: ['requested', 'priced'],
};
const WORDS: Record<QuoteAction, string> = { price: 'price', reject: 'reject', order: 'order', withdraw: 'withdraw' };

/** Whether an action fits the quote's (effective) status, or the sentence that says why not. */
export function quoteActionAllowed(
  action: QuoteAction,
  status: QuoteStatus,
): { ok: true } | { ok: false; message: string } {
  if (ALLOWED[action].includes(status)) return { ok: true };
  return {
    ok: false,
    message: `You cannot ${WORDS[action]} a quote that is ${QUOTE_STATUS_LABELS[status].toLowerCase()}.`,
  };
}

/** How long a priced quote holds when the representative gives no date. */
export const DEFAULT_QUOTE_VALIDITY_DAYS = 30;
