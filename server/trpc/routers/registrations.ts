import { router } from '../init';

export const registrationsRouter = router({});
