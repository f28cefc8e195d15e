import { resetPasswordSchema } from '@/server/schemas/auth';
import { emailLinkSchema } from '@/server/schemas/erp';
import { peekSetPasswordLink, setPasswordFromLink } from '@/server/services/identity/set-password-link';
import { publicProcedure, router } from '../init';

/** Links that let someone choose the first password of an account made for them. */
export const invitationsRouter = router({
  setPasswordLink: publicProcedure
    .input(emailLinkSchema)
    .query(({ ctx, input }) => peekSetPasswordLink(ctx.db, { token: input.token, now: ctx.now() })),
  // The same fields as a password reset: the token and the new password twice.
  setPassword: publicProcedure
    .input(resetPasswordSchema)
    .mutation(({ ctx, input }) => setPasswordFromLink(ctx.db, { ...input, now: ctx.now() })),
});
