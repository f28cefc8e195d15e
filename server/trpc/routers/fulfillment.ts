import { router } from '../init';

export const fulfillmentRouter = router({});
