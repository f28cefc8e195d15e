import {
  orderQuoteSchema,
  quoteApprovalPreviewSchema,
  quoteListSchema,
  quoteNumberSchema,
  requestQuoteSchema,
} from '@/server/schemas/quotes';
import {
  myQuote,
  myQuotes,
  orderQuote,
  quoteApprovalPreview,
  requestQuote,
  withdrawQuote,
} from '@/server/services/quotes/buyer-quotes';
import { buyerProcedure, router } from '../init';

const quoteProcedure = buyerProcedure.meta({ permission: 'quotes.request' });

/** A buyer's quotes: request one from the cart, follow it, order it at its prices. */
export const quotesRouter = router({
  request: quoteProcedure
    .input(requestQuoteSchema)
    .mutation(({ ctx, input }) => requestQuote(ctx.db, ctx.actor, input, ctx.now())),
  list: quoteProcedure.input(quoteListSchema).query(({ ctx, input }) => myQuotes(ctx.db, ctx.actor, input, ctx.now())),
  get: quoteProcedure
    .input(quoteNumberSchema)
    .query(({ ctx, input }) => myQuote(ctx.db, ctx.actor, input.number, ctx.now())),
  withdraw: quoteProcedure
    .input(quoteNumberSchema)
    .mutation(({ ctx, input }) => withdrawQuote(ctx.db, ctx.actor, input.number, ctx.now())),
  /** The approval ordering the quote would need, for the order form (like checkout.options' preview). */
  approvalPreview: buyerProcedure
    .meta({ permission: 'orders.place' })
    .input(quoteApprovalPreviewSchema)
    .query(({ ctx, input }) => quoteApprovalPreview(ctx.db, ctx.actor, input, ctx.now())),
  // Ordering needs "place orders" as well: the order goes through checkout like any other.
  order: buyerProcedure
    .meta({ permission: 'orders.place' })
    .input(orderQuoteSchema)
    .mutation(({ ctx, input }) => orderQuote(ctx.db, ctx.actor, input, ctx.now())),
});
