import Link from 'next/link';
import { formatMoney } from '@/components/catalog/money';
import { orRefusalPage } from '@/components/shell/refusal';
import { Alert } from '@/components/ui/alert';
import { DataTable } from '@/components/ui/data-table';
import { LocalTime } from '@/components/ui/local-time';
import { Pager } from '@/components/ui/pager';
import { statementSchema } from '@/server/schemas/order-history';
import { serverCaller } from '@/server/trpc/server';
import { firstParam, listInputFrom, pageParam, type SearchParams } from '@/server/schemas/list-params';
import { BackLink } from '@/components/ui/back-link';
import { ExportLink } from '@/components/ui/export-link';
import { statementFilterQuery } from '@/server/schemas/list-filters';

export const metadata = { title: 'Account credit and statement' };

type Props = { searchParams: Promise<SearchParams> };

const formatDate = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : '—');

export default async function StatementPage({ searchParams }: Props) {
  const params = await searchParams;
  const { input } = listInputFrom(statementSchema, { status: firstParam(params.status), page: pageParam(params.page) });
  const statement = await orRefusalPage((await serverCaller()).orders.statement(input));
  const account = statement.account;
  const href = (page: number) =>
    `/account/statement?${new URLSearchParams({ ...(input.status ? { status: input.status } : {}), page: String(page) })}`;
  return (
    <>
      <BackLink href="/account">My account</BackLink>
      <h1>Account credit and statement</h1>
      {account ? (
        <div className="grid" role="group" aria-label="Credit">
          <section className="card" aria-labelledby="credit-limit">
            <h2 id="credit-limit">Credit limit</h2>
            <p className="stat">{formatMoney(account.creditLimitMinor, account.currency)}</p>
          </section>
          <section className="card" aria-labelledby="open-balance">
            <h2 id="open-balance">Open balance</h2>
            <p className="stat">{formatMoney(account.openBalanceMinor, account.currency)}</p>
            <p className="field-hint">Bill-me orders accepted and not yet paid, invoiced or not.</p>
          </section>
          <section className="card" aria-labelledby="available-credit">
            <h2 id="available-credit">Available credit</h2>
            <p className="stat">{formatMoney(account.availableCreditMinor, account.currency)}</p>
            <p className="field-hint">Payment terms: {account.paymentTerms}</p>
          </section>
        </div>
      ) : (
        <Alert tone="info">
          Your account is not set up for ordering on account yet. Ask your account representative.
        </Alert>
      )}
      <h2>Invoiced orders</h2>
      <form className="search-form" role="search" aria-label="Filter invoices" action="/account/statement">
        <div className="field">
          <label htmlFor="statement-status">Show</label>
          <select id="statement-status" name="status" defaultValue={input.status ?? ''}>
            <option value="">All invoices</option>
            <option value="open">Open</option>
            <option value="paid">Paid</option>
          </select>
        </div>
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      {statement.invoices.length > 0 && <ExportLink kind="statement" query={statementFilterQuery(input)} />}
      <DataTable
        caption="Invoiced orders"
        rows={statement.invoices}
        rowKey={(row) => row.number}
        empty="No invoices yet. Bill-me orders are invoiced once they have shipped."
        columns={[
          { header: 'Invoice date', cell: (row) => formatDate(row.invoicedAt) },
          {
            header: 'Order',
            cell: (row) => <Link href={`/orders/${encodeURIComponent(row.number)}`}>{row.number}</Link>,
          },
          { header: 'Ordered', cell: (row) => <LocalTime at={row.orderedAt} /> },
          { header: 'PO number', cell: (row) => row.poNumber ?? '—' },
          { header: 'Amount', cell: (row) => formatMoney(row.amountMinor, row.currency) },
          {
            header: 'Status',
            cell: (row) =>
              row.state === 'paid' ? (
                <span className="badge badge-good">Paid {formatDate(row.paidAt)}</span>
              ) : (
                <span className="badge">Open</span>
              ),
          },
        ]}
      />
      <Pager page={input.page} hasNext={statement.hasNext} href={href} />
    </>
  );
}
