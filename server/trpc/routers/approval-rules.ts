import {
  createRuleSchema,
  ruleIdSchema,
  ruleListSchema,
  setRuleActiveSchema,
  tryItSchema,
  updateRuleSchema,
} from '@/server/schemas/approvals-admin';
import type { ApprovalsAdmin } from '@/server/services/approvals/limits';
import {
  createRule,
  deleteRule,
  getRule,
  listRules,
  ruleOptions,
  setRuleActive,
  tryRules,
  updateRule,
} from '@/server/services/approvals/rules';
import { buyerProcedure, router } from '../init';

const manage = buyerProcedure.meta({ permission: 'org.approvals.manage' });

const adminOf = (ctx: { organizationId: string; viewer: { user: { id: string } } }): ApprovalsAdmin => ({
  organizationId: ctx.organizationId,
  userId: ctx.viewer.user.id,
});

/** The organization's approval rules, and the "try it" box that asks the same policy as the checkout. */
export const approvalRulesRouter = router({
  list: manage.input(ruleListSchema).query(({ ctx, input }) => listRules(ctx.db, ctx.organizationId, input)),
  options: manage.query(({ ctx }) => ruleOptions(ctx.db, ctx.organizationId)),
  get: manage.input(ruleIdSchema).query(({ ctx, input }) => getRule(ctx.db, ctx.organizationId, input.ruleId)),
  create: manage
    .input(createRuleSchema)
    .mutation(({ ctx, input }) => createRule(ctx.db, adminOf(ctx), input, ctx.now())),
  update: manage
    .input(updateRuleSchema)
    .mutation(({ ctx, input }) => updateRule(ctx.db, adminOf(ctx), input, ctx.now())),
  setActive: manage
    .input(setRuleActiveSchema)
    .mutation(({ ctx, input }) => setRuleActive(ctx.db, adminOf(ctx), input, ctx.now())),
  delete: manage
    .input(ruleIdSchema)
    .mutation(({ ctx, input }) => deleteRule(ctx.db, adminOf(ctx), input.ruleId, ctx.now())),
  tryIt: manage.input(tryItSchema).query(({ ctx, input }) => tryRules(ctx.db, ctx.organizationId, input, ctx.now())),
});
