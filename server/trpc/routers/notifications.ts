import { removePushDeviceSchema, subscribePushSchema, unsubscribePushSchema } from '@/server/schemas/notifications';
import {
  pushStatus,
  removeDevice,
  sendTestPush,
  subscribeDevice,
  unsubscribeDevice,
} from '@/server/services/notifications/push-devices';
import { protectedProcedure, router } from '../init';

/** Push notifications on the signed-in person's devices: their own subscriptions only. */
export const notificationsRouter = router({
  status: protectedProcedure.query(({ ctx }) => pushStatus(ctx.db, ctx.viewer.user.id)),

  subscribe: protectedProcedure
    .input(subscribePushSchema)
    .mutation(({ ctx, input }) => subscribeDevice(ctx.db, { ...input, userId: ctx.viewer.user.id, now: ctx.now() })),

  unsubscribe: protectedProcedure
    .input(unsubscribePushSchema)
    .mutation(({ ctx, input }) => unsubscribeDevice(ctx.db, { userId: ctx.viewer.user.id, endpoint: input.endpoint })),

  removeDevice: protectedProcedure
    .input(removePushDeviceSchema)
    .mutation(({ ctx, input }) => removeDevice(ctx.db, { userId: ctx.viewer.user.id, ...input })),

  sendTest: protectedProcedure.mutation(({ ctx }) =>
    sendTestPush(ctx.db, { userId: ctx.viewer.user.id, now: ctx.now() }),
  ),
});
