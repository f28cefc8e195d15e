import { after } from 'next/server';
import { getDb } from '@/db/client';
import { sendQueuedEmailAfterResponse, type AfterResponse } from '@/server/email/after-request';
import { serverEnv } from '@/server/env';
import { observedRoute } from '@/server/observability/request-log';
import { isAuthorizedCronCall } from './cron-auth';
import { runRecordedJob } from './run-job';
import { findJob, type JobName } from './schedule';

/**
 * The body of every app/api/cron/<job>/route.ts: check the secret, run, record, answer — and send
 * the emails the job queued (reminders, backorders …) right after, not at the next dispatch tick.
 */
export function cronRoute(name: JobName, afterResponse: AfterResponse = after) {
  return observedRoute(`/api/cron/${name}`, async function handler(request: Request): Promise<Response> {
    if (!isAuthorizedCronCall(request.headers.get('authorization'), serverEnv().CRON_SECRET)) {
      return Response.json({ error: 'unauthorized' }, { status: 401 });
    }
    const job = findJob(name);
    if (!job) return Response.json({ error: 'unknown job' }, { status: 404 });
    const outcome = await runRecordedJob(getDb(), job, 'cron', new Date());
    sendQueuedEmailAfterResponse(getDb(), afterResponse);
    return Response.json(outcome, { status: outcome.status === 'succeeded' ? 200 : 500 });
  });
}
