import type { Database } from '@/db/client';
import { coalescedKick } from '@/server/jobs/kick';
import { dispatchPushes } from './dispatcher';
import { pushSettings } from './settings';

/** Sends due pushes with the configured VAPID keys (rows are marked skipped when there are none). */
export function dispatchConfiguredPushes(db: Database, now: Date) {
  return dispatchPushes({ db, now, settings: pushSettings() });
}

/** Sends freshly queued pushes now (see `coalescedKick`). */
export const kickPushDispatch = coalescedKick<Database>('push dispatch', (db) =>
  dispatchConfiguredPushes(db, new Date()),
);
