import type { Database } from '@/db/client';
import type { Viewer } from '@/server/services/identity/viewer';

/**
 * What every procedure starts from: the database, the session id from the cookie (not yet
 * trusted: the base procedures check it against the database), the caller's address and a clock.
 */
export type TRPCContext = {
  db: Database;
  /** Where insights and exports read (a read replica when configured); `db` when absent (tests, scripts). */
  reportDb?: Database;
  sessionId: string | null;
  clientAddress: string;
  now: () => Date;
  /**
   * Called when a procedure ends, to send the email it queued right after the response rather than
   * at the next cron tick (`sendQueuedEmailAfterResponse`). Absent outside a request (tests, scripts).
   */
  onEmailQueued?: () => void;
  /**
   * The viewer as this request has resolved it already. A server-rendered page calls several
   * procedures (layout, header, page), and each would otherwise check the session again; without
   * it (HTTP calls, tests) every call checks the session itself.
   */
  requestViewer?: () => Promise<Viewer | null>;
};

/** The database reports read from: the replica when the context has one, else the main pool. */
export function reportDbOf(ctx: Pick<TRPCContext, 'db' | 'reportDb'>): Database {
  return ctx.reportDb ?? ctx.db;
}
