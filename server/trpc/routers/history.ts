import { router } from '../init';

export const historyRouter = router({});
