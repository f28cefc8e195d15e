import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { LocalTime } from '@/components/ui/local-time';
import { Pager } from '@/components/ui/pager';
import { SearchField, SearchForm } from '@/components/ui/search-form';
import { orRefusalPage } from '@/components/shell/refusal';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'Dev mailbox' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ q?: string; page?: string }> };

/** Every email the app sent while no RESEND_API_KEY is set. Not served in production. */
export default async function DevMailboxPage({ searchParams }: Props) {
  const params = await searchParams;
  const mail = await orRefusalPage(
    (await serverCaller()).devMailbox.list({
      search: params.q?.trim().slice(0, 200),
      page: Math.min(Math.max(1, Math.trunc(Number(params.page)) || 1), 10_000),
    }),
  );
  const { search, page } = mail;
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
          { header: 'Delivered', cell: (row) => <LocalTime at={row.deliveredAt} /> },
          { header: 'To', cell: (row) => row.toAddress },
          { header: 'Subject', cell: (row) => <Link href={`/dev/mailbox/${row.id}`}>{row.subject}</Link> },
        ]}
      />
      <Pager page={page} hasNext={mail.hasNext} href={href} />
    </main>
  );
}
