import { dispatchConfigured } from '@/server/email/delivery';
import type { Job } from './types';

/** Sends due emails from the outbox and retries failed ones whose back-off has passed. */
export const dispatchEmailJob: Job = async ({ db, now }) => {
  const counts = await dispatchConfigured(db, now);
  return { ...counts };
};
