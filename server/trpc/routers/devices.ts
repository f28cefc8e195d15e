import { sessionTimeouts } from '@/server/env';
import { signOutDeviceSchema } from '@/server/schemas/passkeys';
import { listDevices, signOutDevice, signOutOtherDevices } from '@/server/services/identity/devices';
import { protectedProcedure, router } from '../init';

export const devicesRouter = router({
  /** The sessions signed in as the caller (My account → Sessions), with "this session" marked. */
  list: protectedProcedure.query(({ ctx }) =>
    listDevices(ctx.db, {
      userId: ctx.viewer.user.id,
      currentSessionId: ctx.viewer.sessionId,
      now: ctx.now(),
      policy: sessionTimeouts(),
    }),
  ),

  /** Signs out one of the caller's devices; another user's session is not found. */
  signOut: protectedProcedure
    .input(signOutDeviceSchema)
    .mutation(({ ctx, input }) =>
      signOutDevice(ctx.db, { userId: ctx.viewer.user.id, sessionId: input.sessionId, now: ctx.now() }),
    ),

  /** Signs out every session of the caller but this one. */
  signOutOthers: protectedProcedure.mutation(({ ctx }) =>
    signOutOtherDevices(ctx.db, { userId: ctx.viewer.user.id, currentSessionId: ctx.viewer.sessionId, now: ctx.now() }),
  ),
});
