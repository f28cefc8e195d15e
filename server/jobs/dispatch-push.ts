import { dispatchConfiguredPushes } from '@/server/push/delivery';
import type { Job } from './types';

/** Sends due push notifications from the outbox and retries failed ones whose back-off has passed. */
export const dispatchPushJob: Job = async ({ db, now }) => {
  const counts = await dispatchConfiguredPushes(db, now);
  return { ...counts };
};
