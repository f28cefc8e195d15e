import { relyingParty } from '@/server/env';
import { registerPasskeySchema, removePasskeySchema, renamePasskeySchema } from '@/server/schemas/passkeys';
import {
  listPasskeys,
  passkeyRegistrationOptions,
  passkeySignInOptions,
  registerPasskey,
  removePasskey,
  renamePasskey,
} from '@/server/services/identity/passkeys';
import { protectedProcedure, publicProcedure, router } from '../init';

export const passkeysRouter = router({
  /** The signed-in member's passkeys. */
  list: protectedProcedure.query(({ ctx }) => listPasskeys(ctx.db, ctx.viewer.user.id)),

  /** Starts adding a passkey: options for the browser, bound to this user for five minutes. */
  registrationOptions: protectedProcedure.mutation(({ ctx }) =>
    passkeyRegistrationOptions(ctx.db, { user: ctx.viewer.user, rp: relyingParty(), now: ctx.now() }),
  ),

  /** Finishes adding a passkey with the browser's answer and the name chosen for it. */
  register: protectedProcedure
    .input(registerPasskeySchema)
    .mutation(({ ctx, input }) =>
      registerPasskey(ctx.db, { ...input, userId: ctx.viewer.user.id, rp: relyingParty(), now: ctx.now() }),
    ),

  rename: protectedProcedure
    .input(renamePasskeySchema)
    .mutation(({ ctx, input }) => renamePasskey(ctx.db, { ...input, userId: ctx.viewer.user.id })),

  remove: protectedProcedure
    .input(removePasskeySchema)
    .mutation(({ ctx, input }) => removePasskey(ctx.db, { ...input, userId: ctx.viewer.user.id })),

  /**
   * Starts a passkey sign-in, for anyone: the answer is checked by next-auth's `passkey` provider,
   * which opens the session exactly as a password sign-in does.
   */
  signInOptions: publicProcedure.mutation(({ ctx }) =>
    passkeySignInOptions(ctx.db, { rp: relyingParty(), now: ctx.now() }),
  ),
});
