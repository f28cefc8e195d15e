import { priceQuoteSchema, quoteListSchema, quoteNumberSchema, rejectQuoteSchema } from '@/server/schemas/quotes';
import { priceQuote, rejectQuote, staffQuote, staffQuoteList } from '@/server/services/quotes/staff-quotes';
import { router, staffProcedure } from '../init';
import { staffActor } from '../staff-actor';

const pricing = staffProcedure.meta({ permission: 'staff.quotes.price' });

/** The seller's quotes desk: price the buyers' requests, or decline them. */
export const staffQuotesRouter = router({
  list: pricing.input(quoteListSchema).query(({ ctx, input }) => staffQuoteList(ctx.db, input, ctx.now())),
  get: pricing.input(quoteNumberSchema).query(({ ctx, input }) => staffQuote(ctx.db, input.number, ctx.now())),
  price: pricing
    .input(priceQuoteSchema)
    .mutation(({ ctx, input }) => priceQuote(ctx.db, staffActor(ctx), input, ctx.now())),
  reject: pricing
    .input(rejectQuoteSchema)
    .mutation(({ ctx, input }) => rejectQuote(ctx.db, staffActor(ctx), input, ctx.now())),
});
