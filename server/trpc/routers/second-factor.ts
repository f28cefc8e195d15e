import { confirmTotpSchema, secondFactorCodeSchema, secondFactorPolicySchema } from '@/server/schemas/second-factor';
import {
  beginTotpSetup,
  confirmTotpSetup,
  regenerateRecoveryCodes,
  removeSecondFactor,
  secondFactorStatus,
  verifySignInCode,
} from '@/server/services/identity/second-factor';
import { getSecondFactorPolicy, setSecondFactorPolicy } from '@/server/services/identity/second-factor-policy';
import { buyerProcedure, protectedProcedure, router, sessionProcedure, setupProcedure, staffProcedure } from '../init';

export const secondFactorRouter = router({
  /** Whether the caller has an authenticator app, must have one, and how many recovery codes are left. */
  status: setupProcedure.query(async ({ ctx }) => ({
    ...(await secondFactorStatus(ctx.db, ctx.viewer.user.id)),
    gate: ctx.viewer.secondFactor,
  })),

  /** A new secret as a QR code and as text; shown during set-up only, never again. */
  beginSetup: setupProcedure.mutation(({ ctx }) =>
    beginTotpSetup(ctx.db, { userId: ctx.viewer.user.id, email: ctx.viewer.user.email, now: ctx.now() }),
  ),

  /** The first code confirms the set-up; answers the recovery codes, once. Other sessions are signed out. */
  confirmSetup: setupProcedure.input(confirmTotpSchema).mutation(({ ctx, input }) =>
    confirmTotpSetup(ctx.db, {
      userId: ctx.viewer.user.id,
      sessionId: ctx.viewer.sessionId,
      code: input.code,
      ipAddress: ctx.clientAddress,
      now: ctx.now(),
    }),
  ),

  /** The sign-in's second step: the app's code or a recovery code. */
  verify: sessionProcedure.input(secondFactorCodeSchema).mutation(({ ctx, input }) =>
    verifySignInCode(ctx.db, {
      userId: ctx.viewer.user.id,
      sessionId: ctx.viewer.sessionId,
      code: input.code,
      ipAddress: ctx.clientAddress,
      now: ctx.now(),
    }),
  ),

  /** Ten new recovery codes for a current code from the app. Other sessions are signed out. */
  regenerateRecoveryCodes: protectedProcedure.input(secondFactorCodeSchema).mutation(({ ctx, input }) =>
    regenerateRecoveryCodes(ctx.db, {
      userId: ctx.viewer.user.id,
      sessionId: ctx.viewer.sessionId,
      code: input.code,
      ipAddress: ctx.clientAddress,
      now: ctx.now(),
    }),
  ),

  /** Removes the second factor for a current or recovery code, unless it is required. Other sessions are signed out. */
  remove: protectedProcedure.input(secondFactorCodeSchema).mutation(({ ctx, input }) =>
    removeSecondFactor(ctx.db, {
      userId: ctx.viewer.user.id,
      sessionId: ctx.viewer.sessionId,
      code: input.code,
      ipAddress: ctx.clientAddress,
      now: ctx.now(),
    }),
  ),

  /** Whether the caller's buying organization requires a second factor of its members. */
  organizationPolicy: buyerProcedure
    .meta({ permission: 'org.users.manage' })
    .query(({ ctx }) => getSecondFactorPolicy(ctx.db, ctx.actor)),

  /** Requires a second factor of every member of the organization, or stops; audit-logged. */
  setOrganizationPolicy: buyerProcedure
    .meta({ permission: 'org.users.manage' })
    .input(secondFactorPolicySchema)
    .mutation(({ ctx, input }) =>
      setSecondFactorPolicy(ctx.db, ctx.actor, { required: input.required, now: ctx.now() }),
    ),

  /** Whether staff must use a second factor: always in production, else as seller administrators chose. */
  staffPolicy: staffProcedure
    .meta({ permission: 'staff.security.manage' })
    .query(({ ctx }) => getSecondFactorPolicy(ctx.db, ctx.actor)),

  /** Requires a second factor of every staff member (outside production, where it always is). */
  setStaffPolicy: staffProcedure
    .meta({ permission: 'staff.security.manage' })
    .input(secondFactorPolicySchema)
    .mutation(({ ctx, input }) =>
      setSecondFactorPolicy(ctx.db, ctx.actor, { required: input.required, now: ctx.now() }),
    ),
});
