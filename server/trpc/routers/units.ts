import { router } from '../init';

export const unitsRouter = router({});
