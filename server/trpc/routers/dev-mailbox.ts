import { devMailIdSchema, devMailListSchema } from '@/server/schemas/dev-mailbox';
import { devMailboxEmail, devMailboxPage } from '@/server/email/dev-mailbox';
import { publicProcedure, router } from '../init';

/** The development mailbox: what the app would have emailed, readable without an email provider. */
export const devMailboxRouter = router({
  list: publicProcedure.input(devMailListSchema).query(({ ctx, input }) => devMailboxPage(ctx.db, input)),
  get: publicProcedure.input(devMailIdSchema).query(({ ctx, input }) => devMailboxEmail(ctx.db, input.id)),
});
