import {
  changePasswordSchema,
  requestPasswordResetSchema,
  resetPasswordLinkSchema,
  resetPasswordSchema,
  setTimeZoneSchema,
} from '@/server/schemas/auth';
import {
  changePassword,
  peekPasswordResetLink,
  requestPasswordReset,
  resetPassword,
  setTimeZone,
} from '@/server/services/identity/account';
import { answerAfter, NEUTRAL_ANSWER_FLOOR_MS } from '@/server/http/answer-after';
import { protectedProcedure, publicProcedure, router } from '../init';

export const accountRouter = router({
  changePassword: protectedProcedure.input(changePasswordSchema).mutation(async ({ ctx, input }) => {
    await changePassword(ctx.db, {
      ...input,
      userId: ctx.viewer.user.id,
      sessionId: ctx.viewer.sessionId,
      now: ctx.now(),
    });
    return { changed: true };
  }),

  /** The zone every time is shown in for this person, chosen in My account. */
  setTimeZone: protectedProcedure
    .input(setTimeZoneSchema)
    .mutation(({ ctx, input }) => setTimeZone(ctx.db, { ...input, userId: ctx.viewer.user.id, now: ctx.now() })),

  /** Always the same answer, in the same time, whether or not the address has an account. */
  requestPasswordReset: publicProcedure.input(requestPasswordResetSchema).mutation(({ ctx, input }) =>
    answerAfter(NEUTRAL_ANSWER_FLOOR_MS, async () => {
      await requestPasswordReset(ctx.db, { email: input.email, now: ctx.now() });
      return { message: 'If an account uses this address, we have emailed it a link to choose a new password.' };
    }),
  ),

  /** What the reset page shows for a link: the form, or why the link no longer works. */
  resetPasswordLink: publicProcedure
    .input(resetPasswordLinkSchema)
    .query(({ ctx, input }) => peekPasswordResetLink(ctx.db, { token: input.token, now: ctx.now() })),

  resetPassword: publicProcedure.input(resetPasswordSchema).mutation(async ({ ctx, input }) => {
    await resetPassword(ctx.db, { ...input, now: ctx.now() });
    return { changed: true };
  }),
});
