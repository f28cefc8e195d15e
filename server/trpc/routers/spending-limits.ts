import {
  createLimitSchema,
  limitedMembersSchema,
  limitIdSchema,
  limitMemberSchema,
  updateLimitSchema,
} from '@/server/schemas/approvals-admin';
import { createLimit, deleteLimit, limitedMembers, listLimits, updateLimit } from '@/server/services/approvals/limits';
import { buyerProcedure, router } from '../init';

const manage = buyerProcedure.meta({ permission: 'org.approvals.manage' });

/** Sana's spending limits of sub-accounts with a limited budget. */
export const spendingLimitsRouter = router({
  members: manage.input(limitedMembersSchema).query(({ ctx, input }) => limitedMembers(ctx.db, ctx.actor, input)),
  list: manage.input(limitMemberSchema).query(({ ctx, input }) => listLimits(ctx.db, ctx.actor, input.membershipId)),
  create: manage
    .input(createLimitSchema)
    .mutation(({ ctx, input }) => createLimit(ctx.db, ctx.actor, input, ctx.now())),
  update: manage
    .input(updateLimitSchema)
    .mutation(({ ctx, input }) => updateLimit(ctx.db, ctx.actor, input, ctx.now())),
  delete: manage
    .input(limitIdSchema)
    .mutation(({ ctx, input }) => deleteLimit(ctx.db, ctx.actor, input.limitId, ctx.now())),
});
