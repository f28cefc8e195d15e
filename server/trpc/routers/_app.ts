import { router } from '../init';
import { accountRouter } from './account';
import { erpRouter } from './erp';
import { invitationsRouter } from './invitations';
import { joinRequestsRouter } from './join-requests';
import { onboardingRouter } from './onboarding';
import { organizationRouter } from './organization';
import { registrationsRouter } from './registrations';
import { sessionRouter } from './session';
import { staffRouter } from './staff';

export const appRouter = router({
  session: sessionRouter,
  account: accountRouter,
  organization: organizationRouter,
  onboarding: onboardingRouter,
  joinRequests: joinRequestsRouter,
  registrations: registrationsRouter,
  erp: erpRouter,
  invitations: invitationsRouter,
  staff: staffRouter,
});

export type AppRouter = typeof appRouter;
