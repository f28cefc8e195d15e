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
