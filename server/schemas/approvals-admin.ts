import { z } from 'zod';
import { COMPARATORS, CONDITION_FIELDS, LIMIT_PERIODS } from '@/server/domain/approvals/evaluate';
import { MAX_AUDIENCE, MAX_CONDITIONS, MAX_NAMED_APPROVERS, MAX_TIER } from '@/server/domain/approvals/rule-input';
import { idField } from './common';

/**
 * Spending limits and approval rules as the administrator edits them. Amounts stay text here: the
 * services parse them in the organization's currency (server/domain/approvals/rule-input.ts) and
 * answer beside the field.
 */

const amountText = z.string().trim().min(1, 'Enter an amount.').max(24, 'That amount is too long.');
const page = z.number().int().min(1).max(10_000).default(1);

// Spending limits

const authorizerIds = z
  .array(idField)
  .min(1, 'Choose at least one authorizer.')
  .max(10, 'Choose at most 10 authorizers.');

export const limitFields = z.object({
  limit: amountText,
  period: z.enum(LIMIT_PERIODS),
  authorizerMembershipIds: authorizerIds,
});
export type LimitFields = z.infer<typeof limitFields>;

export const createLimitSchema = limitFields.extend({ membershipId: idField });
export type CreateLimitInput = z.infer<typeof createLimitSchema>;
export const updateLimitSchema = limitFields.extend({ limitId: idField });
export type UpdateLimitInput = z.infer<typeof updateLimitSchema>;
export const limitIdSchema = z.object({ limitId: idField });
export const limitMemberSchema = z.object({ membershipId: idField });

export const limitedMembersSchema = z.object({ search: z.string().trim().max(200).optional(), page });
export type LimitedMembersInput = z.infer<typeof limitedMembersSchema>;

// Approval rules

export const conditionFields = z.object({
  field: z.enum(CONDITION_FIELDS),
  comparator: z.enum(COMPARATORS),
  value: z.string().trim().min(1, 'Enter a value.').max(24, 'That value is too long.'),
});

export const ruleFields = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(100, 'Use at most 100 characters.'),
  active: z.boolean(),
  tier: z
    .number({ error: `Choose a tier from 1 to ${MAX_TIER}.` })
    .int()
    .min(1, `Choose a tier from 1 to ${MAX_TIER}.`)
    .max(MAX_TIER, `Choose a tier from 1 to ${MAX_TIER}.`),
  conditions: z
    .array(conditionFields)
    .min(1, 'Add at least one condition.')
    .max(MAX_CONDITIONS, `Use at most ${MAX_CONDITIONS} conditions.`),
  appliesTo: z.object({
    kind: z.enum(['everyone', 'roles', 'units']),
    roleIds: z.array(idField).max(MAX_AUDIENCE, `Choose at most ${MAX_AUDIENCE} roles.`),
    unitIds: z.array(idField).max(MAX_AUDIENCE, `Choose at most ${MAX_AUDIENCE} units.`),
  }),
  approvers: z.object({
    kind: z.enum(['role', 'members']),
    roleId: z.union([idField, z.literal('')]).optional(),
    membershipIds: z.array(idField).max(MAX_NAMED_APPROVERS, `Choose at most ${MAX_NAMED_APPROVERS} people.`),
  }),
});
export type RuleFields = z.infer<typeof ruleFields>;

export const createRuleSchema = ruleFields;
/** `version` is the one the editor loaded: a rule changed meanwhile is not overwritten. */
export const updateRuleSchema = ruleFields.extend({ ruleId: idField, version: z.number().int().min(1) });
export type UpdateRuleInput = z.infer<typeof updateRuleSchema>;
export const ruleIdSchema = z.object({ ruleId: idField });
export const setRuleActiveSchema = z.object({ ruleId: idField, active: z.boolean() });

export const RULE_STATUSES = ['active', 'inactive'] as const;
export const ruleListSchema = z.object({
  search: z.string().trim().max(100).optional(),
  status: z.enum(RULE_STATUSES).optional(),
  page,
});
export type RuleListInput = z.infer<typeof ruleListSchema>;

/** The "try it" box: an order as the checkout would price it, and who asks. */
export const tryItSchema = z.object({
  requesterMembershipId: idField,
  amount: amountText,
  itemCount: z.string().trim().min(1, 'Enter how many items.').max(12, 'That number is too long.'),
  skuCount: z.string().trim().max(12, 'That number is too long.').optional(),
  shipping: z.string().trim().max(24, 'That amount is too long.').optional(),
});
export type TryItInput = z.infer<typeof tryItSchema>;
