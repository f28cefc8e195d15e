import { router } from '../init';

export const staffOrdersRouter = router({});
