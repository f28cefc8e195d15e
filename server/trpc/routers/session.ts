import { switchAccountSchema } from '@/server/schemas/session';
import { switchMembership } from '@/server/services/identity/account';
import { listUserMemberships, revokeSessions } from '@/server/services/identity/viewer';
import { protectedProcedure, router, sessionProcedure, setupProcedure } from '../init';

export const sessionRouter = router({
  /** Who is signed in, in which account, and what they may do there; also while a second factor must be set up first. */
  me: setupProcedure.query(async ({ ctx }) => {
    const { viewer } = ctx;
    return {
      user: viewer.user,
      membership: viewer.membership && {
        id: viewer.membership.id,
        organization: viewer.membership.organization,
        shopAccountRole: viewer.membership.shopAccountRole,
        flags: viewer.membership.flags,
        roleNames: viewer.membership.roleNames,
        permissions: [...viewer.membership.permissions],
      },
      membershipProblem: viewer.membershipProblem,
      secondFactor: viewer.secondFactor,
      accounts: await listUserMemberships(ctx.db, viewer.user.id),
    };
  }),

  switchAccount: protectedProcedure.input(switchAccountSchema).mutation(({ ctx, input }) =>
    switchMembership(ctx.db, {
      userId: ctx.viewer.user.id,
      sessionId: ctx.viewer.sessionId,
      membershipId: input.membershipId,
    }),
  ),

  /** Ends this session: its row is revoked, so the cookie is worthless even if replayed. */
  signOut: sessionProcedure.mutation(async ({ ctx }) => {
    await revokeSessions(ctx.db, [ctx.viewer.sessionId], 'signed_out', ctx.now());
    return { signedOut: true };
  }),
});
