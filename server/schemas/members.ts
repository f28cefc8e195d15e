import { z } from 'zod';
import { MEMBER_STATUSES } from '@/server/domain/access/members';
import { emailField, idField } from './common';

export const MEMBER_FLAGS = [
  'mayOrder',
  'maySeePrices',
  'maySeeStock',
  'mayAuthorizeOrders',
  'hasLimitedBudget',
] as const;
export type MemberFlag = (typeof MEMBER_FLAGS)[number];

/** Sana's sub-account fields, as labelled in its "Manage sub-accounts" page. */
export const MEMBER_FLAG_LABELS: Record<MemberFlag, string> = {
  mayOrder: 'May order',
  maySeePrices: 'May see prices',
  maySeeStock: 'May see stock',
  mayAuthorizeOrders: 'May authorize orders',
  hasLimitedBudget: 'Has limited budget',
};

const memberFields = {
  name: z.string().trim().min(1, 'Enter the name.').max(200, 'Use at most 200 characters.'),
  unitId: idField,
  roleIds: z.array(idField).max(20, 'Choose at most 20 roles.'),
  mayOrder: z.boolean(),
  maySeePrices: z.boolean(),
  maySeeStock: z.boolean(),
  mayAuthorizeOrders: z.boolean(),
  hasLimitedBudget: z.boolean(),
};

export const createMemberSchema = z.object({ ...memberFields, email: emailField });
export type CreateMemberInput = z.infer<typeof createMemberSchema>;

/** The email can change only while the invitation is unused (see the service). */
export const updateMemberSchema = z.object({ ...memberFields, membershipId: idField, email: emailField });
export type UpdateMemberInput = z.infer<typeof updateMemberSchema>;

export const memberIdSchema = z.object({ membershipId: idField });
export const setActivatedSchema = z.object({ membershipId: idField, activated: z.boolean() });

export const memberListSchema = z.object({
  search: z.string().trim().max(200).optional(),
  unitId: idField.optional(),
  roleId: idField.optional(),
  flag: z.enum(MEMBER_FLAGS).optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type MemberListInput = z.infer<typeof memberListSchema>;

export const historyListSchema = z.object({
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(30),
});
