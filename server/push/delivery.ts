import type { Database } from '@/db/client';
import { dispatchPushes } from './dispatcher';
import { pushSettings } from './settings';

/** Sends due pushes with the configured VAPID keys (rows are marked skipped when there are none). */
export function dispatchConfiguredPushes(db: Database, now: Date) {
  return dispatchPushes({ db, now, settings: pushSettings() });
}

let running: Promise<void> | null = null;
let askedAgain = false;

/**
 * Sends freshly queued pushes now instead of at the next cron tick; one run at a time per process,
 * and a kick during a run makes it go round once more (as `kickEmailDispatch`). Never rejects.
 */
export function kickPushDispatch(db: Database): Promise<void> {
  if (running) {
    askedAgain = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        askedAgain = false;
        await dispatchConfiguredPushes(db, new Date());
      } while (askedAgain);
    } catch (error) {
      console.error('push dispatch failed', error);
    } finally {
      running = null;
    }
  })();
  return running;
}
