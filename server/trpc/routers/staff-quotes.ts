import { priceQuoteSchema, quoteListSchema, quoteNumberSchema, rejectQuoteSchema } from '@/server/schemas/quotes';
import { priceQuote, rejectQuote, staffQuote, staffQuoteList } from '@/server/services/quotes/staff-quotes';
import { router, staffProcedure } from '../init';

const pricing = staffProcedure.meta({ permission: 'staff.quotes.price' });

/** The seller's quotes desk: price the buyers' requests, or decline them. */
export const staffQuotesRouter = router({
  list: pricing.input(quoteListSchema).query(({ ctx, input }) => staffQuoteList(ctx.db, input, ctx.now())),
  get: pricing.input(quoteNumberSchema).query(({ ctx, input }) => staffQuote(ctx.db, input.number, ctx.now())),
  price: pricing.input(priceQuoteSchema).mutation(({ ctx, input }) => priceQuote(ctx.db, ctx.actor, input, ctx.now())),
  reject: pricing
    .input(rejectQuoteSchema)
    .mutation(({ ctx, input }) => rejectQuote(ctx.db, ctx.actor, input, ctx.now())),
});
