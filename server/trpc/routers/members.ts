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

const adminProcedure = buyerProcedure.meta({ permission: 'org.users.manage' });

/** The account manager's "Manage sub-accounts". Reach (unit or organization) is the service's. */
export const membersRouter = router({
  list: adminProcedure.input(memberListSchema).query(({ ctx, input }) => searchMembers(ctx.db, ctx.actor, input)),
  options: adminProcedure.query(({ ctx }) => memberFormOptions(ctx.db, ctx.actor)),
  get: adminProcedure.input(memberIdSchema).query(({ ctx, input }) => getMember(ctx.db, ctx.actor, input.membershipId)),
  create: adminProcedure
    .input(createMemberSchema)
    .mutation(({ ctx, input }) => createMember(ctx.db, ctx.actor, input, ctx.now())),
  update: adminProcedure
    .input(updateMemberSchema)
    .mutation(({ ctx, input }) => updateMember(ctx.db, ctx.actor, input, ctx.now())),
  setActivated: adminProcedure
    .input(setActivatedSchema)
    .mutation(({ ctx, input }) => setMemberActivated(ctx.db, ctx.actor, input, ctx.now())),
  resendInvitation: adminProcedure
    .input(memberIdSchema)
    .mutation(({ ctx, input }) => resendInvitation(ctx.db, ctx.actor, input.membershipId, ctx.now())),
});
