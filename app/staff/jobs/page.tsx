import { TRPCError } from '@trpc/server';
import { forbidden } from 'next/navigation';
import { RetryEmailButton, RunJobButton } from '@/components/staff/run-job-button';
import { formatDateTime } from '@/components/ui/format';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'Jobs & email' };

async function load() {
  const api = await serverCaller();
  try {
    return { jobs: await api.staff.jobs(), outbox: await api.staff.outbox() };
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'FORBIDDEN') forbidden();
    throw error;
  }
}

function describeCounts(result: Record<string, number> | null) {
  return result ? Object.entries(result).map(([key, value]) => `${key}: ${value}`).join(', ') : '';
}

/** Errors can be long (a failed query with its parameters): a line first, the rest on request. */
function ErrorText({ text }: { text: string }) {
  return (
    <details className="error-summary">
      <summary>{text.slice(0, 80)}{text.length > 80 ? '…' : ''}</summary>
      <pre>{text}</pre>
    </details>
  );
}

export default async function JobsPage() {
  const { jobs, outbox } = await load();
  return (
    <>
      <h1>Jobs &amp; email</h1>
      <p className="lede">Scheduled jobs with their last runs, and emails that are waiting or could not be sent.</p>
      {jobs.map((job) => (
        <section key={job.name} className="card" aria-labelledby={`job-${job.name}`}>
          <h2 id={`job-${job.name}`}>{job.name}</h2>
          <p>
            {job.description} Schedule: <code>{job.cron}</code> (UTC).
          </p>
          <RunJobButton name={job.name} />
          <div className="table-wrap" style={{ marginTop: '0.75rem' }}>
            <table className="stack">
              <caption className="skip-link">Last runs of {job.name}</caption>
              <thead>
                <tr><th>Started</th><th>Trigger</th><th>Status</th><th>Result</th></tr>
              </thead>
              <tbody>
                {job.runs.length === 0 && (
                  <tr><td colSpan={4}>No runs yet.</td></tr>
                )}
                {job.runs.map((run) => (
                  <tr key={run.id}>
                    <td data-label="Started">{formatDateTime(run.startedAt)}</td>
                    <td data-label="Trigger">{run.trigger}</td>
                    <td data-label="Status"><span className={`badge ${run.status === 'failed' ? 'badge-bad' : 'badge-good'}`}>{run.status}</span></td>
                    <td data-label="Result">{run.error ? <ErrorText text={run.error} /> : describeCounts(run.result)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <section className="card" aria-labelledby="outbox">
        <h2 id="outbox">Emails not yet sent</h2>
        {outbox.length === 0 ? (
          <p>Every email has been sent.</p>
        ) : (
          <div className="table-wrap">
            <table className="stack">
              <thead>
                <tr><th>Queued</th><th>To</th><th>Kind</th><th>Status</th><th>Attempts</th><th>Last error</th><th /></tr>
              </thead>
              <tbody>
                {outbox.map((email) => (
                  <tr key={email.id}>
                    <td data-label="Queued">{formatDateTime(email.createdAt)}</td>
                    <td data-label="To">{email.toAddress}</td>
                    <td data-label="Kind">{email.kind}</td>
                    <td data-label="Status">{email.status}</td>
                    <td data-label="Attempts">{email.attempts}</td>
                    <td data-label="Last error">{email.lastError && <ErrorText text={email.lastError} />}</td>
                    <td>{email.status === 'failed' && <RetryEmailButton id={email.id} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
