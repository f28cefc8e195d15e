import {
  createRuleSchema,
  ruleIdSchema,
  ruleListSchema,
  setRuleActiveSchema,
  tryItSchema,
  updateRuleSchema,
} from '@/server/schemas/approvals-admin';
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

/** The organization's approval rules, and the "try it" box that asks the same policy as the checkout. */
export const approvalRulesRouter = router({
  list: manage.input(ruleListSchema).query(({ ctx, input }) => listRules(ctx.db, ctx.actor, input)),
  options: manage.query(({ ctx }) => ruleOptions(ctx.db, ctx.actor)),
  get: manage.input(ruleIdSchema).query(({ ctx, input }) => getRule(ctx.db, ctx.actor, input.ruleId)),
  create: manage.input(createRuleSchema).mutation(({ ctx, input }) => createRule(ctx.db, ctx.actor, input, ctx.now())),
  update: manage.input(updateRuleSchema).mutation(({ ctx, input }) => updateRule(ctx.db, ctx.actor, input, ctx.now())),
  setActive: manage
    .input(setRuleActiveSchema)
    .mutation(({ ctx, input }) => setRuleActive(ctx.db, ctx.actor, input, ctx.now())),
  delete: manage
    .input(ruleIdSchema)
    .mutation(({ ctx, input }) => deleteRule(ctx.db, ctx.actor, input.ruleId, ctx.now())),
  tryIt: manage.input(tryItSchema).query(({ ctx, input }) => tryRules(ctx.db, ctx.actor, input, ctx.now())),
});
