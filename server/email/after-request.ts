import { after } from 'next/server';
import { getDb, type Database } from '@/db/client';
import { kickEmailDispatch } from './delivery';
import { kickPushDispatch } from '@/server/push/delivery';
import { takePushEnqueuedHint } from '@/server/push/outbox';
import { takeEnqueuedHint } from './outbox';

/** Runs a task once the response has been sent; Next's `after()` in a request, something else in a test. */
export type AfterResponse = (task: () => Promise<void>) => void;

/**
 * The one way a request gets the emails (and pushes) it queued sent right after its response,
 * whatever queued them: a tRPC procedure, a server action or a route handler (next-auth's refused
 * sign-in). Call it when the request's work is done; it does nothing when nothing was queued since
 * the last call. The person does not wait for the sending, and the cron jobs stay the guarantee.
 */
export function sendQueuedEmailAfterResponse(db: Database = getDb(), afterResponse: AfterResponse = after): void {
  const emails = takeEnqueuedHint();
  const pushes = takePushEnqueuedHint();
  // A run already under way goes round once more for them, and finds them committed by then.
  if (emails && !kickEmailDispatch.joinRunning()) afterResponse(() => kickEmailDispatch(db));
  if (pushes && !kickPushDispatch.joinRunning()) afterResponse(() => kickPushDispatch(db));
}
