import { router } from '../init';

export const rolesRouter = router({});
