import {
  assignRepresentativeSchema,
  contractIdSchema,
  contractSchema,
  customerAccountSchema,
  organizationIdSchema,
  registrationListSchema,
  rejectOrganizationSchema,
  suspendOrganizationSchema,
} from '@/server/schemas/onboarding';
import { addContract, removeContract, saveCustomerAccount } from '@/server/services/onboarding/customer-accounts';
import {
  approveOrganization,
  assignRepresentative,
  rejectOrganization,
  setSuspended,
} from '@/server/services/onboarding/registration-decisions';
import { getRegistration, searchRegistrations } from '@/server/services/onboarding/registration-review';
import { router, staffProcedure } from '../init';

// Viewing needs the permission; each action's finer rule (decide, set up, suspend) is the service's.
const reviewProcedure = staffProcedure.meta({ permission: 'staff.registrations.view' });

/** The staff registration queue: review, account set-up, decision, suspension. */
export const registrationsRouter = router({
  list: reviewProcedure.input(registrationListSchema).query(({ ctx, input }) => searchRegistrations(ctx.db, input)),
  get: reviewProcedure
    .input(organizationIdSchema)
    .query(({ ctx, input }) => getRegistration(ctx.db, input.organizationId, ctx.actor, ctx.now())),
  assignRepresentative: reviewProcedure
    .input(assignRepresentativeSchema)
    .mutation(({ ctx, input }) => assignRepresentative(ctx.db, input, ctx.actor, ctx.now())),
  saveAccount: reviewProcedure
    .input(customerAccountSchema)
    .mutation(({ ctx, input }) => saveCustomerAccount(ctx.db, input, ctx.actor, ctx.now())),
  addContract: reviewProcedure
    .input(contractSchema)
    .mutation(({ ctx, input }) => addContract(ctx.db, input, ctx.actor, ctx.now())),
  removeContract: reviewProcedure
    .input(contractIdSchema)
    .mutation(({ ctx, input }) => removeContract(ctx.db, input.contractId, ctx.actor, ctx.now())),
  approve: reviewProcedure
    .input(organizationIdSchema)
    .mutation(({ ctx, input }) => approveOrganization(ctx.db, input.organizationId, ctx.actor, ctx.now())),
  reject: reviewProcedure
    .input(rejectOrganizationSchema)
    .mutation(({ ctx, input }) => rejectOrganization(ctx.db, input, ctx.actor, ctx.now())),
  suspend: reviewProcedure
    .input(suspendOrganizationSchema)
    .mutation(({ ctx, input }) => setSuspended(ctx.db, input, true, ctx.actor, ctx.now())),
  reactivate: reviewProcedure
    .input(organizationIdSchema)
    .mutation(({ ctx, input }) => setSuspended(ctx.db, input, false, ctx.actor, ctx.now())),
});
