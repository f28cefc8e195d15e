import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { formatMoney } from '@/components/catalog/money';
import { AddTemplateToCart, DeleteTemplate, RenameTemplate } from '@/components/orders/template-actions';
import { orRefusalPage } from '@/components/shell/refusal';
import { DataTable, type Column } from '@/components/ui/data-table';
import { LocalTime } from '@/components/ui/local-time';
import type { RouterOutputs } from '@/components/trpc/types';
import { serverCaller } from '@/server/trpc/server';
import { BackLink } from '@/components/ui/back-link';

type Props = { params: Promise<{ id: string }> };
type Line = RouterOutputs['orderTemplates']['get']['lines'][number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One of the member's own templates; anyone else's, or an unknown id, is a 404. */
const loadTemplate = cache(async (templateId: string) => {
  if (!UUID.test(templateId)) notFound();
  return orRefusalPage((await serverCaller()).orderTemplates.get({ templateId }));
});

export async function generateMetadata({ params }: Props) {
  const template = await loadTemplate((await params).id);
  return { title: template.name };
}

export default async function TemplatePage({ params }: Props) {
  const template = await loadTemplate((await params).id);
  const priced = template.lines.some((line) => line.price !== undefined);
  const stocked = template.lines.some((line) => line.stock !== undefined);
  const columns: Column<Line>[] = [
    { header: 'SKU', cell: (line) => line.sku },
    {
      header: 'Product',
      cell: (line) =>
        line.active ? (
          <Link href={`/catalog/${encodeURIComponent(line.sku)}`}>{line.name}</Link>
        ) : (
          <>
            {line.name} <span className="badge badge-bad">no longer sold</span>
          </>
        ),
    },
    { header: 'Quantity', cell: (line) => `${line.quantity} ${line.unit}` },
    ...(priced
      ? [
          {
            header: 'Price today',
            cell: (line: Line) =>
              line.price ? `${formatMoney(line.price.unitPriceMinor, line.price.currency)} each` : 'On request',
          },
        ]
      : []),
    ...(stocked ? [{ header: 'Available', cell: (line: Line) => line.stock?.available ?? '—' }] : []),
  ];
  return (
    <>
      <BackLink href="/templates">Order templates</BackLink>
      <h1>{template.name}</h1>
      <p className="lede">
        Saved <LocalTime at={template.createdAt} />. Adding it to the cart uses today’s prices.
      </p>
      <section className="card" aria-labelledby="template-order">
        <h2 id="template-order">Order from it</h2>
        <div className="actions">
          <AddTemplateToCart templateId={template.id} name={template.name} />
        </div>
      </section>
      <section className="card" aria-labelledby="template-lines">
        <h2 id="template-lines">
          {template.lines.length} {template.lines.length === 1 ? 'product' : 'products'}
        </h2>
        <DataTable
          caption="Products in the template"
          rows={template.lines}
          rowKey={(line) => line.sku}
          empty="No products."
          columns={columns}
        />
      </section>
      <div className="grid">
        <section className="card" aria-labelledby="template-rename">
          <h2 id="template-rename">Rename</h2>
          <RenameTemplate templateId={template.id} name={template.name} />
        </section>
        <section className="card" aria-labelledby="template-delete">
          <h2 id="template-delete">Delete</h2>
          <DeleteTemplate templateId={template.id} name={template.name} />
        </section>
      </div>
    </>
  );
}
