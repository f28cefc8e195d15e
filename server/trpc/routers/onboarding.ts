import { joinOrganizationSchema, registerOrganizationSchema, tokenSchema } from '@/server/schemas/onboarding';
import { requestToJoin } from '@/server/services/onboarding/join-requests';
import { registerOrganization, verifyEmail } from '@/server/services/onboarding/register';
import { emailLinkState } from '@/server/services/identity/email-links';
import { reverifyAccount } from '@/server/services/identity/reverification';
import { answerAfter, NEUTRAL_ANSWER_FLOOR_MS } from '@/server/http/answer-after';
import { publicProcedure, router } from '../init';

/**
 * What people do before they can sign in: register, join, confirm their address. Registering and
 * joining answer the same, in the same time, whether or not the address already has a login.
 */
export const onboardingRouter = router({
  register: publicProcedure
    .input(registerOrganizationSchema)
    .mutation(({ ctx, input }) =>
      answerAfter(NEUTRAL_ANSWER_FLOOR_MS, () => registerOrganization(ctx.db, input, ctx.now())),
    ),
  /** What the confirmation page shows for a link: the button, or why the link no longer works. */
  verifyEmailLink: publicProcedure
    .input(tokenSchema)
    .query(({ ctx, input }) => emailLinkState(ctx.db, { token: input.token, purpose: 'verify_email', now: ctx.now() })),
  verifyEmail: publicProcedure
    .input(tokenSchema)
    .mutation(({ ctx, input }) => verifyEmail(ctx.db, input.token, ctx.now())),
  join: publicProcedure
    .input(joinOrganizationSchema)
    .mutation(({ ctx, input }) => answerAfter(NEUTRAL_ANSWER_FLOOR_MS, () => requestToJoin(ctx.db, input, ctx.now()))),
  reverifyLink: publicProcedure
    .input(tokenSchema)
    .query(({ ctx, input }) => emailLinkState(ctx.db, { token: input.token, purpose: 'reverify', now: ctx.now() })),
  reverify: publicProcedure
    .input(tokenSchema)
    .mutation(({ ctx, input }) => reverifyAccount(ctx.db, input.token, ctx.now())),
});
