import { orRefusalPage } from '@/components/shell/refusal';
import { RetryEmailButton, RunJobButton } from '@/components/staff/run-job-button';
import { DataTable } from '@/components/ui/data-table';
import { LocalTime } from '@/components/ui/local-time';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'Jobs & email' };

async function load() {
  const api = await serverCaller();
  const [jobs, outbox] = await orRefusalPage(Promise.all([api.staff.jobs(), api.staff.outbox()]));
  return { jobs, outbox };
}

function describeCounts(result: Record<string, number> | null) {
  return result
    ? Object.entries(result)
        .map(([key, value]) => `${key}: ${value}`)
        .join(', ')
    : '';
}

/** Errors can be long (a failed query with its parameters): a line first, the rest on request. */
function ErrorText({ text }: { text: string }) {
  return (
    <details className="error-summary">
      <summary>
        {text.slice(0, 80)}
        {text.length > 80 ? '…' : ''}
      </summary>
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
          <DataTable
            caption={`Last runs of ${job.name}`}
            rows={job.runs}
            rowKey={(run) => run.id}
            empty="No runs yet."
            columns={[
              { header: 'Started', cell: (run) => <LocalTime at={run.startedAt} /> },
              { header: 'Trigger', cell: (run) => run.trigger },
              {
                header: 'Status',
                cell: (run) => (
                  <span className={`badge ${run.status === 'failed' ? 'badge-bad' : 'badge-good'}`}>{run.status}</span>
                ),
              },
              {
                header: 'Result',
                cell: (run) => (run.error ? <ErrorText text={run.error} /> : describeCounts(run.result)),
              },
            ]}
          />
        </section>
      ))}
      <section className="card" aria-labelledby="outbox">
        <h2 id="outbox">Emails not yet sent</h2>
        <DataTable
          rows={outbox}
          rowKey={(email) => email.id}
          empty="Every email has been sent."
          columns={[
            { header: 'Queued', cell: (email) => <LocalTime at={email.createdAt} /> },
            { header: 'To', cell: (email) => email.toAddress },
            { header: 'Kind', cell: (email) => email.kind },
            { header: 'Status', cell: (email) => email.status },
            { header: 'Attempts', cell: (email) => email.attempts },
            { header: 'Last error', cell: (email) => email.lastError && <ErrorText text={email.lastError} /> },
            { header: 'Action', cell: (email) => email.status === 'failed' && <RetryEmailButton id={email.id} /> },
          ]}
        />
      </section>
    </>
  );
}
