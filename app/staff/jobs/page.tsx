import { orRefusalPage } from '@/components/shell/refusal';
import { RetryEmailButton, RunJobButton } from '@/components/staff/run-job-button';
import { DataTable } from '@/components/ui/data-table';
import { LocalTime } from '@/components/ui/local-time';
import { StatusBadge, type BadgeTone } from '@/components/ui/status-badge';
import Link from 'next/link';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'Jobs & email' };

async function load(failedOnly: boolean) {
  const api = await serverCaller();
  const [jobs, outbox] = await orRefusalPage(Promise.all([api.staff.jobs(), api.staff.outbox({ failedOnly })]));
  return { jobs, outbox };
}

const RUN_STATUS: Record<'running' | 'succeeded' | 'failed', { label: string; tone: BadgeTone }> = {
  running: { label: 'Running', tone: 'neutral' },
  succeeded: { label: 'Succeeded', tone: 'good' },
  failed: { label: 'Failed', tone: 'bad' },
};

const EMAIL_STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  pending: { label: 'Waiting to send', tone: 'neutral' },
  sending: { label: 'Sending', tone: 'neutral' },
  failed: { label: 'Failed', tone: 'bad' },
};

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

type Props = { searchParams: Promise<{ emails?: string }> };

export default async function JobsPage({ searchParams }: Props) {
  // "?emails=failed" lists only the emails given up on, as the dashboard counts them.
  const failedOnly = (await searchParams).emails === 'failed';
  const { jobs, outbox } = await load(failedOnly);
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
                  <StatusBadge tone={RUN_STATUS[run.status].tone}>{RUN_STATUS[run.status].label}</StatusBadge>
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
        <h2 id="outbox">{failedOnly ? 'Emails that could not be sent' : 'Emails not yet sent'}</h2>
        <p>
          {failedOnly ? (
            <Link className="link-target" href="/staff/jobs">
              Show every email not yet sent
            </Link>
          ) : (
            <Link className="link-target" href="/staff/jobs?emails=failed#outbox">
              Show failed emails only
            </Link>
          )}
        </p>
        <DataTable
          rows={outbox}
          rowKey={(email) => email.id}
          caption="Emails"
          empty={failedOnly ? 'No email failed.' : 'Every email has been sent.'}
          columns={[
            { header: 'Queued', cell: (email) => <LocalTime at={email.createdAt} /> },
            { header: 'To', cell: (email) => email.toAddress },
            { header: 'Kind', cell: (email) => email.kind },
            {
              header: 'Status',
              cell: (email) => {
                const words = EMAIL_STATUS[email.status] ?? { label: email.status, tone: 'neutral' as const };
                return <StatusBadge tone={words.tone}>{words.label}</StatusBadge>;
              },
            },
            { header: 'Attempts', cell: (email) => email.attempts },
            { header: 'Last error', cell: (email) => email.lastError && <ErrorText text={email.lastError} /> },
            { header: 'Action', cell: (email) => email.status === 'failed' && <RetryEmailButton id={email.id} /> },
          ]}
        />
      </section>
    </>
  );
}
