import { router } from '../init';

export const onboardingRouter = router({});
