import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DataTable } from '@/components/ui/data-table';
import { formatDateTime } from '@/components/ui/format';
import { Pager } from '@/components/ui/pager';
import { SearchField, SearchForm } from '@/components/ui/search-form';
import { getDb } from '@/db/client';
import { listDevMail } from '@/db/queries/dev-mailbox';
import { serverEnv } from '@/server/env';

export const metadata = { title: 'Dev mailbox' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ q?: string; page?: string }> };

/** Every email the app sent while no RESEND_API_KEY is set. Not served in production. */
export default async function DevMailboxPage({ searchParams }: Props) {
  if (!serverEnv().devMailboxEnabled) notFound();
  const params = await searchParams;
  const search = params.q?.trim().slice(0, 200) || undefined;
  const page = Math.min(Math.max(1, Number(params.page) || 1), 10_000);
  const mail = await listDevMail(getDb(), { search, page, pageSize: 25 });
  const href = (p: number) =>
    `/dev/mailbox?${new URLSearchParams({ ...(search ? { q: search } : {}), page: String(p) })}`;
  return (
    <main id="main">
      <h1>Dev mailbox</h1>
      <p className="lede">
        Emails the app would have sent. Set RESEND_API_KEY to send real email instead. {mail.total} in all.
      </p>
      <SearchForm submitLabel="Search">
        <SearchField id="q" name="q" label="Search by recipient or subject" defaultValue={search} maxLength={200} />
      </SearchForm>
      <DataTable
        rows={mail.rows}
        rowKey={(row) => row.id}
        empty="No emails yet."
        columns={[
          { header: 'Delivered', cell: (row) => formatDateTime(row.deliveredAt) },
          { header: 'To', cell: (row) => row.toAddress },
          { header: 'Subject', cell: (row) => <Link href={`/dev/mailbox/${row.id}`}>{row.subject}</Link> },
        ]}
      />
      <Pager page={page} hasNext={mail.hasNext} href={href} />
    </main>
  );
}
