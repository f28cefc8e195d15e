import { router } from '../init';
import { accountRouter } from './account';
import { organizationRouter } from './organization';
import { sessionRouter } from './session';
import { staffRouter } from './staff';

export const appRouter = router({
  session: sessionRouter,
  account: accountRouter,
  organization: organizationRouter,
  staff: staffRouter,
});

export type AppRouter = typeof appRouter;
