import { approveSchema, authorizationOrderSchema, declineSchema, inboxSchema } from '@/server/schemas/authorizations';
import { decideOrder } from '@/server/services/approvals/decisions';
import { cancelDecision } from '@/server/services/approvals/reversal';
import { authorizationOrder, inboxPage, inboxRequesters, waitingCount } from '@/server/services/approvals/inbox';
import { buyerProcedure, router } from '../init';

const authorize = buyerProcedure.meta({ permission: 'orders.approve' });

/** The authorizations inbox and the decisions taken from it. */
export const authorizationsRouter = router({
  inbox: authorize.input(inboxSchema).query(({ ctx, input }) => inboxPage(ctx.db, ctx.actor, input)),
  waitingCount: authorize.query(({ ctx }) => waitingCount(ctx.db, ctx.actor)),
  requesters: authorize.query(({ ctx }) => inboxRequesters(ctx.db, ctx.actor)),
  order: authorize
    .input(authorizationOrderSchema)
    .query(({ ctx, input }) => authorizationOrder(ctx.db, ctx.actor, input.number, ctx.now())),
  approve: authorize
    .input(approveSchema)
    .mutation(({ ctx, input }) => decideOrder(ctx.db, ctx.actor, { ...input, approve: true }, ctx.now())),
  cancelDecision: authorize
    .input(authorizationOrderSchema)
    .mutation(({ ctx, input }) => cancelDecision(ctx.db, ctx.actor, input.number, ctx.now())),
  decline: authorize
    .input(declineSchema)
    .mutation(({ ctx, input }) => decideOrder(ctx.db, ctx.actor, { ...input, approve: false }, ctx.now())),
});
