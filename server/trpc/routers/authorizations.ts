import { approveSchema, authorizationOrderSchema, declineSchema, inboxSchema } from '@/server/schemas/authorizations';
import { decideOrder, type Decider } from '@/server/services/approvals/decisions';
import { cancelDecision } from '@/server/services/approvals/reversal';
import {
  authorizationOrder,
  inboxPage,
  inboxRequesters,
  waitingCount,
  type InboxViewer,
} from '@/server/services/approvals/inbox';
import type { ActiveMembership } from '@/server/services/identity/viewer';
import { buyerProcedure, router } from '../init';

const authorize = buyerProcedure.meta({ permission: 'orders.approve' });

const deciderOf = (ctx: {
  membership: ActiveMembership;
  organizationId: string;
  viewer: { user: { id: string; name: string } };
}): Decider => ({
  membershipId: ctx.membership.id,
  userId: ctx.viewer.user.id,
  name: ctx.viewer.user.name,
  organizationId: ctx.organizationId,
});

const inboxViewerOf = (ctx: { membership: ActiveMembership; organizationId: string }): InboxViewer => ({
  membershipId: ctx.membership.id,
  organizationId: ctx.organizationId,
  maySeePrices: ctx.membership.permissions.has('prices.view'),
});

/** The authorizations inbox and the decisions taken from it. */
export const authorizationsRouter = router({
  inbox: authorize.input(inboxSchema).query(({ ctx, input }) => inboxPage(ctx.db, inboxViewerOf(ctx), input)),
  waitingCount: authorize.query(({ ctx }) => waitingCount(ctx.db, ctx.membership.id)),
  requesters: authorize.query(({ ctx }) => inboxRequesters(ctx.db, inboxViewerOf(ctx))),
  order: authorize
    .input(authorizationOrderSchema)
    .query(({ ctx, input }) => authorizationOrder(ctx.db, inboxViewerOf(ctx), input.number)),
  approve: authorize
    .input(approveSchema)
    .mutation(({ ctx, input }) => decideOrder(ctx.db, deciderOf(ctx), { ...input, approve: true }, ctx.now())),
  cancelDecision: authorize
    .input(authorizationOrderSchema)
    .mutation(({ ctx, input }) => cancelDecision(ctx.db, deciderOf(ctx), input.number, ctx.now())),
  decline: authorize
    .input(declineSchema)
    .mutation(({ ctx, input }) => decideOrder(ctx.db, deciderOf(ctx), { ...input, approve: false }, ctx.now())),
});
