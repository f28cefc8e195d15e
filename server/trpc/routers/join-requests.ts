import { membershipDecisionSchema } from '@/server/schemas/onboarding';
import {
  decideJoinRequest,
  joinCode,
  pendingJoinRequests,
  regenerateJoinCode,
} from '@/server/services/onboarding/join-requests';
import { buyerProcedure, router } from '../init';

const adminProcedure = buyerProcedure.meta({ permission: 'org.users.manage' });

/** The buyer administrator's side of joining: the invitation code and the waiting requests. */
export const joinRequestsRouter = router({
  code: adminProcedure.query(({ ctx }) => joinCode(ctx.db, ctx.actor)),
  regenerateCode: adminProcedure.mutation(async ({ ctx }) => {
    await regenerateJoinCode(ctx.db, ctx.actor, ctx.now());
    return joinCode(ctx.db, ctx.actor);
  }),
  pending: adminProcedure.query(({ ctx }) => pendingJoinRequests(ctx.db, ctx.actor)),
  approve: adminProcedure
    .input(membershipDecisionSchema)
    .mutation(({ ctx, input }) =>
      decideJoinRequest(ctx.db, ctx.actor, { membershipId: input.membershipId, approve: true }, ctx.now()),
    ),
  decline: adminProcedure
    .input(membershipDecisionSchema)
    .mutation(({ ctx, input }) =>
      decideJoinRequest(ctx.db, ctx.actor, { membershipId: input.membershipId, approve: false }, ctx.now()),
    ),
});
