import type { ActiveMembership, Viewer } from '@/server/services/identity/viewer';
import type { StaffActor } from '@/server/services/staff-actor';

/** The staff member of a staffProcedure context, as services take it. */
export function staffActor(ctx: { viewer: Viewer; membership: ActiveMembership }): StaffActor {
  return {
    userId: ctx.viewer.user.id,
    membershipId: ctx.membership.id,
    name: ctx.viewer.user.name,
    permissions: ctx.membership.permissions,
  };
}
