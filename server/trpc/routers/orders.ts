import { router } from '../init';

export const ordersRouter = router({});
