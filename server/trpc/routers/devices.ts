import { sessionTimeouts } from '@/server/env';
import { signOutDeviceSchema } from '@/server/schemas/passkeys';
import { listDevices, signOutDevice } from '@/server/services/identity/devices';
import { protectedProcedure, router } from '../init';

export const devicesRouter = router({
  /** The devices signed in as the caller, with "this device" marked. */
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
});
