import {
  approveManySchema,
  approveSchema,
  authorizationOrderSchema,
  declineSchema,
  handOnSchema,
  inboxSchema,
} from '@/server/schemas/authorizations';
import { approveMany } from '@/server/services/approvals/bulk';
import { handOnOptions, handOnStep } from '@/server/services/approvals/hand-on';
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
  approveMany: authorize
    .input(approveManySchema)
    .mutation(({ ctx, input }) => approveMany(ctx.db, ctx.actor, input, ctx.now())),
  handOnOptions: authorize
    .input(authorizationOrderSchema)
    .query(({ ctx, input }) => handOnOptions(ctx.db, ctx.actor, input.number)),
  handOn: authorize.input(handOnSchema).mutation(({ ctx, input }) => handOnStep(ctx.db, ctx.actor, input, ctx.now())),
  cancelDecision: authorize
    .input(authorizationOrderSchema)
    .mutation(({ ctx, input }) => cancelDecision(ctx.db, ctx.actor, input.number, ctx.now())),
  decline: authorize
    .input(declineSchema)
    .mutation(({ ctx, input }) => decideOrder(ctx.db, ctx.actor, { ...input, approve: false }, ctx.now())),
});
