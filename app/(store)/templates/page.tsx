import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { AddTemplateToCart } from '@/components/orders/template-actions';
import { getMe } from '@/components/shell/me';
import { orRefusalPage } from '@/components/shell/refusal';
import { Alert } from '@/components/ui/alert';
import { DataTable } from '@/components/ui/data-table';
import { LocalTime } from '@/components/ui/local-time';
import { Pager } from '@/components/ui/pager';
import { templateListSchema } from '@/server/schemas/order-history';
import { serverCaller } from '@/server/trpc/server';
import { firstParam, listInputFrom, pageParam, type SearchParams } from '@/server/schemas/list-params';

export const metadata = { title: 'Order templates' };

type Props = { searchParams: Promise<SearchParams> };

export default async function TemplatesPage({ searchParams }: Props) {
  const me = await getMe();
  if (!me?.membership?.permissions.includes('orders.place')) forbidden();
  const params = await searchParams;
  const { input } = listInputFrom(templateListSchema, { page: pageParam(params.page) });
  const list = await orRefusalPage((await serverCaller()).orderTemplates.list(input));
  const deleted = firstParam(params.deleted);
  return (
    <>
      <h1>Order templates</h1>
      <p className="lede">
        Carts you saved to order again. Save one from your <Link href="/cart">cart</Link>; only you see your templates.
      </p>
      {deleted && <Alert tone="success">The template “{deleted}” is deleted.</Alert>}
      {list.rows.length === 0 && input.page === 1 ? (
        <section className="card">
          <h2>No templates yet</h2>
          <p>
            Fill your <Link href="/cart">cart</Link> with what you order regularly and choose “Save this cart as a
            template”.
          </p>
        </section>
      ) : (
        <DataTable
          caption="Order templates"
          rows={list.rows}
          rowKey={(row) => row.id}
          empty="No more templates."
          columns={[
            { header: 'Name', cell: (row) => <Link href={`/templates/${row.id}`}>{row.name}</Link> },
            { header: 'Products', cell: (row) => row.lineCount },
            { header: 'Items', cell: (row) => row.itemCount },
            { header: 'Saved', cell: (row) => <LocalTime at={row.createdAt} /> },
            { header: 'Order', cell: (row) => <AddTemplateToCart templateId={row.id} name={row.name} small /> },
          ]}
        />
      )}
      <Pager page={input.page} hasNext={list.hasNext} href={(page) => `/templates?page=${page}`} />
    </>
  );
}
