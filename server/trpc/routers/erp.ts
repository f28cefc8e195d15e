import { router } from '../init';

export const erpRouter = router({});
