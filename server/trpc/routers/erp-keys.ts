import { router } from '../init';

export const erpKeysRouter = router({});
