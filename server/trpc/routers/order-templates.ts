import { router } from '../init';

export const orderTemplatesRouter = router({});
