import { z } from 'zod';
import { ROLE_DESCRIPTION_MAX, ROLE_NAME_MAX } from '@/server/domain/access/custom-roles';
import { ALL_PERMISSIONS, SCOPES } from '@/server/domain/access/permissions';
import { idField } from './common';

/** One entry of a role: a permission of the table and how far it reaches. Which side and scope are allowed is the service's rule. */
export const roleGrantSchema = z.object({
  permission: z.enum(ALL_PERMISSIONS, 'Choose a permission from the list.'),
  scope: z.enum(SCOPES, 'Choose how far the permission reaches.'),
});

export const roleSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter a name for the role.')
    .max(ROLE_NAME_MAX, `Use at most ${ROLE_NAME_MAX} characters.`),
  description: z.string().trim().max(ROLE_DESCRIPTION_MAX, `Use at most ${ROLE_DESCRIPTION_MAX} characters.`),
  grants: z
    .array(roleGrantSchema)
    .min(1, 'Choose at least one permission.')
    .max(ALL_PERMISSIONS.length, 'That is more permissions than there are.')
    .refine(
      (grants) => new Set(grants.map((grant) => grant.permission)).size === grants.length,
      'List each permission once.',
    ),
});
export type RoleInput = z.infer<typeof roleSchema>;

export const roleIdSchema = z.object({ roleId: idField });

export const updateRoleSchema = roleSchema.extend({ roleId: idField });
export type UpdateRoleInput = z.infer<typeof updateRoleSchema>;
