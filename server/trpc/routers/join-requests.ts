import { router } from '../init';

export const joinRequestsRouter = router({});
