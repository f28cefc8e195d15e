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
  code: adminProcedure.query(({ ctx }) => joinCode(ctx.db, ctx.organizationId)),
  regenerateCode: adminProcedure.mutation(async ({ ctx }) => {
    await regenerateJoinCode(ctx.db, ctx.organizationId, ctx.viewer.user.id, ctx.now());
    return joinCode(ctx.db, ctx.organizationId);
  }),
  pending: adminProcedure.query(({ ctx }) => pendingJoinRequests(ctx.db, ctx.organizationId)),
  approve: adminProcedure.input(membershipDecisionSchema).mutation(({ ctx, input }) =>
    decideJoinRequest(
      ctx.db,
      {
        organizationId: ctx.organizationId,
        membershipId: input.membershipId,
        approve: true,
        actorUserId: ctx.viewer.user.id,
      },
      ctx.now(),
    ),
  ),
  decline: adminProcedure.input(membershipDecisionSchema).mutation(({ ctx, input }) =>
    decideJoinRequest(
      ctx.db,
      {
        organizationId: ctx.organizationId,
        membershipId: input.membershipId,
        approve: false,
        actorUserId: ctx.viewer.user.id,
      },
      ctx.now(),
    ),
  ),
});
