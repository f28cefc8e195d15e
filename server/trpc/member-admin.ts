import type { MemberAdmin } from '@/server/services/organizations/members';
import type { ActiveMembership, Viewer } from '@/server/services/identity/viewer';

/** The administrator of an orgProcedure context, as the members service takes it. */
export function memberAdmin(ctx: { viewer: Viewer; membership: ActiveMembership }): MemberAdmin {
  return {
    userId: ctx.viewer.user.id,
    name: ctx.viewer.user.name,
    membershipId: ctx.membership.id,
    unitId: ctx.membership.unitId,
    grants: ctx.membership.grants,
  };
}
