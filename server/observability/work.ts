import { errorFields, log } from './log';
import { metrics } from './metrics';
import { inSpan } from './tracing';

type JobOutcome = { status: 'succeeded' | 'failed'; runId: string; error?: string };

/** Around a job run: a span `job <name>` (its statements beneath), a log line, runs and duration by outcome. */
export async function observeJob<Outcome extends JobOutcome>(
  job: string,
  trigger: string,
  run: () => Promise<Outcome>,
): Promise<Outcome> {
  const started = performance.now();
  const outcome = await inSpan(`job ${job}`, { 'job.name': job, 'job.trigger': trigger }, async (span) => {
    const outcome = await run();
    if (outcome.status === 'failed') span?.setStatus({ code: 2, message: outcome.error ?? 'failed' });
    return outcome;
  });
  const seconds = (performance.now() - started) / 1000;
  const recorded = metrics();
  recorded.jobRuns.inc({ job, status: outcome.status });
  recorded.jobDuration.observe({ job }, seconds);
  const line = { job, trigger, runId: outcome.runId, status: outcome.status, durationMs: Math.round(seconds * 1000) };
  if (outcome.status === 'failed') log().error({ ...line, reason: outcome.error }, 'job failed');
  else log().info(line, 'job run');
  return outcome;
}

export type SendChannel = 'email' | 'push';
export type SendOutcome = 'sent' | 'retried' | 'failed' | 'skipped' | 'gone';

/**
 * One email or push send attempt: counted by outcome and logged by its outbox id and kind, never
 * by address, endpoint or content. `error` is the provider's message for a failed attempt.
 */
export function recordSend(
  channel: SendChannel,
  outcome: SendOutcome,
  details: { outboxId: string; kind?: string; attempt: number; error?: unknown },
): void {
  metrics().sends.inc({ channel, outcome });
  const line = { channel, outcome, outboxId: details.outboxId, kind: details.kind, attempt: details.attempt };
  if (outcome === 'sent' || outcome === 'skipped') log().info(line, `${channel} ${outcome}`);
  else
    log().warn(
      { ...line, ...(details.error === undefined ? {} : errorFields(details.error)) },
      `${channel} ${outcome}`,
    );
}

/** A span around one send to an outside service (email provider, push service). */
export function inSendSpan<T>(channel: SendChannel, outboxId: string, work: () => Promise<T>): Promise<T> {
  return inSpan(`send ${channel}`, { 'messaging.system': channel, 'countersign.outbox_id': outboxId }, () => work());
}
