import type { Database } from '@/db/client';
import { serverEnv } from '@/server/env';
import { dispatchEmails } from './dispatcher';
import { devMailboxTransport, resendTransport, type EmailTransport } from './transports';

/** Resend when RESEND_API_KEY is set, otherwise the dev mailbox. */
export function configuredTransport(db: Database): EmailTransport {
  const env = serverEnv();
  return env.RESEND_API_KEY ? resendTransport(env.RESEND_API_KEY) : devMailboxTransport(db);
}

export function dispatchConfigured(db: Database, now: Date) {
  return dispatchEmails({ db, now, transport: configuredTransport(db), from: serverEnv().EMAIL_FROM });
}

let running: Promise<void> | null = null;
let askedAgain = false;

/**
 * Sends freshly queued emails now instead of at the next cron tick. One run at a time per process;
 * a kick during a run makes it go round once more, so an email queued meanwhile is not left for
 * the cron job. The cron job stays the guarantee; this is only about promptness. The promise ends
 * with the run and never rejects (a failure is logged; the job retries).
 */
export function kickEmailDispatch(db: Database): Promise<void> {
  if (running) {
    askedAgain = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        askedAgain = false;
        await dispatchConfigured(db, new Date());
      } while (askedAgain);
    } catch (error) {
      console.error('email dispatch failed', error);
    } finally {
      running = null;
    }
  })();
  return running;
}
