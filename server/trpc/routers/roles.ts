import type { Grants } from '@/server/domain/access/effective-permissions';
import { roleIdSchema, roleSchema, updateRoleSchema } from '@/server/schemas/roles';
import {
  createRole,
  deleteRole,
  getRole,
  listRoles,
  updateRole,
  type RoleActor,
} from '@/server/services/organizations/roles';
import { buyerProcedure, router } from '../init';

const rolesProcedure = buyerProcedure.meta({ permission: 'org.roles.manage' });

type Caller = { organizationId: string; viewer: { user: { id: string } }; membership: { grants: Grants } };

const actorOf = (ctx: Caller): RoleActor => ({
  organizationId: ctx.organizationId,
  userId: ctx.viewer.user.id,
  grants: ctx.membership.grants,
});

/** The caller's own grants: what they may put in a role (the form disables the rest; the service refuses it). */
const yourGrants = (ctx: Caller) => [...ctx.membership.grants].map(([permission, scope]) => ({ permission, scope }));

/** Roles as named sets of permissions: the predefined ones to read, the organization's own to edit. */
export const rolesRouter = router({
  list: rolesProcedure.query(async ({ ctx }) => ({
    roles: await listRoles(ctx.db, ctx.organizationId),
    yourGrants: yourGrants(ctx),
  })),
  get: rolesProcedure.input(roleIdSchema).query(async ({ ctx, input }) => ({
    role: await getRole(ctx.db, ctx.organizationId, input.roleId),
    yourGrants: yourGrants(ctx),
  })),
  create: rolesProcedure
    .input(roleSchema)
    .mutation(({ ctx, input }) => createRole(ctx.db, actorOf(ctx), input, ctx.now())),
  update: rolesProcedure
    .input(updateRoleSchema)
    .mutation(({ ctx, input }) => updateRole(ctx.db, actorOf(ctx), input, ctx.now())),
  delete: rolesProcedure
    .input(roleIdSchema)
    .mutation(({ ctx, input }) => deleteRole(ctx.db, actorOf(ctx), input.roleId, ctx.now())),
});
