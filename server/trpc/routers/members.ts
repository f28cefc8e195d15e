import {
  createMemberSchema,
  memberIdSchema,
  memberListSchema,
  setActivatedSchema,
  updateMemberSchema,
} from '@/server/schemas/members';
import {
  createMember,
  getMember,
  memberFormOptions,
  resendInvitation,
  searchMembers,
  setMemberActivated,
  updateMember,
} from '@/server/services/organizations/members';
import { buyerProcedure, router } from '../init';
import { memberAdmin } from '../member-admin';

const adminProcedure = buyerProcedure.meta({ permission: 'org.users.manage' });

/** The account manager's "Manage sub-accounts". Reach (unit or organization) is the service's. */
export const membersRouter = router({
  list: adminProcedure
    .input(memberListSchema)
    .query(({ ctx, input }) => searchMembers(ctx.db, ctx.organizationId, memberAdmin(ctx), input)),
  options: adminProcedure.query(({ ctx }) => memberFormOptions(ctx.db, ctx.organizationId, memberAdmin(ctx))),
  get: adminProcedure
    .input(memberIdSchema)
    .query(({ ctx, input }) => getMember(ctx.db, ctx.organizationId, memberAdmin(ctx), input.membershipId)),
  create: adminProcedure
    .input(createMemberSchema)
    .mutation(({ ctx, input }) => createMember(ctx.db, ctx.organizationId, memberAdmin(ctx), input, ctx.now())),
  update: adminProcedure
    .input(updateMemberSchema)
    .mutation(({ ctx, input }) => updateMember(ctx.db, ctx.organizationId, memberAdmin(ctx), input, ctx.now())),
  setActivated: adminProcedure
    .input(setActivatedSchema)
    .mutation(({ ctx, input }) => setMemberActivated(ctx.db, ctx.organizationId, memberAdmin(ctx), input, ctx.now())),
  resendInvitation: adminProcedure
    .input(memberIdSchema)
    .mutation(({ ctx, input }) =>
      resendInvitation(ctx.db, ctx.organizationId, memberAdmin(ctx), input.membershipId, ctx.now()),
    ),
});
