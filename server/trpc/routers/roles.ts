import type { Actor } from '@/server/domain/access/actor';
import { roleIdSchema, roleSchema, updateRoleSchema } from '@/server/schemas/roles';
import { createRole, deleteRole, getRole, listRoles, updateRole } from '@/server/services/organizations/roles';
import { buyerProcedure, router } from '../init';

const rolesProcedure = buyerProcedure.meta({ permission: 'org.roles.manage' });

/** The caller's own grants: what they may put in a role (the form disables the rest; the service refuses it). */
const yourGrants = (actor: Actor) => [...actor.grants].map(([permission, scope]) => ({ permission, scope }));

/** Roles as named sets of permissions: the predefined ones to read, the organization's own to edit. */
export const rolesRouter = router({
  list: rolesProcedure.query(async ({ ctx }) => ({
    roles: await listRoles(ctx.db, ctx.actor),
    yourGrants: yourGrants(ctx.actor),
  })),
  get: rolesProcedure.input(roleIdSchema).query(async ({ ctx, input }) => ({
    role: await getRole(ctx.db, ctx.actor, input.roleId),
    yourGrants: yourGrants(ctx.actor),
  })),
  create: rolesProcedure
    .input(roleSchema)
    .mutation(({ ctx, input }) => createRole(ctx.db, ctx.actor, input, ctx.now())),
  update: rolesProcedure
    .input(updateRoleSchema)
    .mutation(({ ctx, input }) => updateRole(ctx.db, ctx.actor, input, ctx.now())),
  delete: rolesProcedure
    .input(roleIdSchema)
    .mutation(({ ctx, input }) => deleteRole(ctx.db, ctx.actor, input.roleId, ctx.now())),
});
