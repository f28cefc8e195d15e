import { router } from '../init';
import { accountRouter } from './account';
import { catalogRouter } from './catalog';
import { cartRouter } from './cart';
import { catalogAdminRouter } from './catalog-admin';
import { erpRouter } from './erp';
import { invitationsRouter } from './invitations';
import { historyRouter } from './history';
import { joinRequestsRouter } from './join-requests';
import { membersRouter } from './members';
import { onboardingRouter } from './onboarding';
import { organizationRouter } from './organization';
import { registrationsRouter } from './registrations';
import { rolesRouter } from './roles';
import { sessionRouter } from './session';
import { staffRouter } from './staff';
import { unitsRouter } from './units';

export const appRouter = router({
  session: sessionRouter,
  account: accountRouter,
  organization: organizationRouter,
  onboarding: onboardingRouter,
  units: unitsRouter,
  members: membersRouter,
  roles: rolesRouter,
  history: historyRouter,
  joinRequests: joinRequestsRouter,
  registrations: registrationsRouter,
  erp: erpRouter,
  catalog: catalogRouter,
  catalogAdmin: catalogAdminRouter,
  cart: cartRouter,
  invitations: invitationsRouter,
  staff: staffRouter,
});

export type AppRouter = typeof appRouter;
