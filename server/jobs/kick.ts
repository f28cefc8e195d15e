import { errorFields, log } from '@/server/observability/log';

export type Kick<T> = {
  (on: T): Promise<void>;
  /**
   * Asks a run in progress to go round once more and says true; false when none is running. For a
   * caller that would otherwise schedule a kick of its own (`after()` costs a request about 2 % of
   * its CPU), while a busy instance's run is nearly always in progress.
   */
  joinRunning(): boolean;
};

/**
 * A run started now instead of at the next cron tick: one at a time per process, and a kick during
 * a run makes it go round once more, so work queued meanwhile is not left for the cron job. The cron
 * job stays the guarantee; this is only about promptness. The promise ends with the run and never
 * rejects (a failure is logged; the job retries).
 */
export function coalescedKick<T>(label: string, run: (on: T) => Promise<unknown>): Kick<T> {
  let running: Promise<void> | null = null;
  let askedAgain = false;
  const kick = (on: T) => {
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
  return Object.assign(kick, {
    joinRunning: () => {
      if (running) askedAgain = true;
      return running !== null;
    },
  });
}
