import { errorFields, log } from '@/server/observability/log';

/**
 * A run started now instead of at the next cron tick: one at a time per process, and a kick during
 * a run makes it go round once more, so work queued meanwhile is not left for the cron job. The cron
 * job stays the guarantee; this is only about promptness. The promise ends with the run and never
 * rejects (a failure is logged; the job retries).
 */
export function coalescedKick<T>(label: string, run: (on: T) => Promise<unknown>): (on: T) => Promise<void> {
  let running: Promise<void> | null = null;
  let askedAgain = false;
  return (on) => {
    if (running) {
      askedAgain = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          askedAgain = false;
          await run(on);
        } while (askedAgain);
      } catch (error) {
        log().error({ run: label, ...errorFields(error) }, 'prompt dispatch failed');
      } finally {
        running = null;
      }
    })();
    return running;
  };
}
