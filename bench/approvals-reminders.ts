import { connectDatabase } from '@/db/client';
import { runRecordedJob } from '@/server/jobs/run-job';
import { findJob } from '@/server/jobs/schedule';
import type { Sql } from './database';

/** The reminders job's budget over the data set's overdue steps (issue 6), two runs at once. */
export const REMINDERS_TARGET_MS = 4_500;

export type RemindersResult = {
  /** The instant the job ran "at": the data set's as_of plus a minute. */
  now: string;
  overdueSteps: number;
  /** Authorizers with an order whose pending step is overdue (what the job should remind). */
  dueAuthorizers: number;
  runs: { ms: number; status: string; result: unknown }[];
  /** From the first start to the last finish. */
  wallMs: number;
  emails: number;
  recipients: number;
  /** Recipients with more than one reminder from these runs. */
  duplicates: number;
  /** Due authorizers who got no reminder. */
  missed: number;
  stepsEscalated: number;
};

/**
 * The authorization-reminders job (server/jobs/authorization-reminders.ts) as the scheduler runs
 * it (`runRecordedJob`, recorded in job_runs), twice at the same moment, over the data set "at"
 * its as_of time: every overdue step, no reminder sent yet. Then counts the reminder emails in
 * the outbox per recipient, and takes the runs' reminders, emails and job rows out again so the
 * next run finds the same state. The job is run from this process with the app's code, since the
 * cron route takes the wall clock as its time and the data set's times are fixed.
 */
export async function measureReminders(sql: Sql, databaseUrl: string, appUrl: string): Promise<RemindersResult> {
  const [meta] = await sql<
    { ms: number }[]
  >`select extract(epoch from as_of)::float8 * 1000 as ms from bench.approvals_meta`;
  if (!meta) throw new Error('reminders: bench.approvals_meta is missing; run with --reseed');
  const now = new Date(meta.ms + 60_000);
  const cutoff = new Date(now.getTime() - 24 * 3_600_000);
  // The job reads the interval and the links' origin from the environment, as in the app.
  process.env.APP_URL = appUrl;
  delete process.env.AUTHORIZATION_REMINDER_HOURS;
  delete process.env.AUTHORIZATION_ESCALATION_DAYS;

  await cleanUp(sql, now);
  const [due] = await sql<{ steps: number; authorizers: number }[]>`
    with overdue as (
      select s.order_id from approval_steps s join orders o on o.id = s.order_id and o.status = 'pending_approval'
      where s.status = 'pending' and s.pending_since < ${cutoff}
    )
    select (select count(*) from overdue)::int as steps,
      (select count(distinct i.membership_id) from approval_inbox i join overdue using (order_id) where i.state = 'pending')::int as authorizers`;
  const job = findJob('authorization-reminders');
  if (!job) throw new Error('reminders: no job named authorization-reminders');
  const handle = connectDatabase(databaseUrl, { max: 10 });
  const started = performance.now();
  try {
    const runs = await Promise.all(
      [1, 2].map(async () => {
        const begun = performance.now();
        const outcome = await runRecordedJob(handle.db, job, 'manual', now);
        return {
          ms: Math.round(performance.now() - begun),
          status: outcome.status,
          result: 'result' in outcome ? outcome.result : outcome.error,
          runId: outcome.runId,
        };
      }),
    );
    const wallMs = Math.round(performance.now() - started);
    const [sent] = await sql<{ emails: number; recipients: number; duplicates: number }[]>`
      select count(*)::int as emails, count(distinct to_address)::int as recipients,
        (select count(*) from (select to_address from email_outbox where kind = 'approval-reminder' and created_at = ${now} group by to_address having count(*) > 1) d)::int as duplicates
      from email_outbox where kind = 'approval-reminder' and created_at = ${now}`;
    const escalated = runs.reduce(
      (sum, run) => sum + Number((run.result as { stepsEscalated?: number } | undefined)?.stepsEscalated ?? 0),
      0,
    );
    await sql`delete from job_runs where id in ${sql(runs.map((run) => run.runId))}`;
    await cleanUp(sql, now);
    return {
      now: now.toISOString(),
      overdueSteps: due?.steps ?? 0,
      dueAuthorizers: due?.authorizers ?? 0,
      runs: runs.map(({ ms, status, result }) => ({ ms, status, result })),
      wallMs,
      emails: sent?.emails ?? 0,
      recipients: sent?.recipients ?? 0,
      duplicates: sent?.duplicates ?? 0,
      missed: Math.max(0, (due?.authorizers ?? 0) - (sent?.recipients ?? 0)),
      stepsEscalated: escalated,
    };
  } finally {
    await handle.close();
  }
}

/** Takes out what a run at `now` wrote: the reminder emails and the claims. */
async function cleanUp(sql: Sql, now: Date) {
  await sql`delete from email_outbox where kind = 'approval-reminder' and created_at = ${now}`;
  await sql`delete from authorizer_reminders where last_reminded_at = ${now}`;
}
