import type { Database } from '@/db/client';
import { coalescedKick } from '@/server/jobs/kick';
import { serverEnv } from '@/server/env';
import { dispatchEmails } from './dispatcher';
import { devMailboxTransport, resendTransport, type EmailTransport } from './transports';

/** Resend when RESEND_API_KEY is set, otherwise the dev mailbox. */
export function configuredTransport(db: Database): EmailTransport {
  const env = serverEnv();
  return env.RESEND_API_KEY ? resendTransport(env.RESEND_API_KEY) : devMailboxTransport(db);
}

export function dispatchConfigured(db: Database, now: Date) {
  const env = serverEnv();
  const leaseMs = env.EMAIL_LEASE_SECONDS * 1000;
  return dispatchEmails({ db, now, transport: configuredTransport(db), from: env.EMAIL_FROM, leaseMs });
}

/** Sends freshly queued emails now (see `coalescedKick`). */
export const kickEmailDispatch = coalescedKick<Database>('email dispatch', (db) => dispatchConfigured(db, new Date()));
