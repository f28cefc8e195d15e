import { notFound } from 'next/navigation';
import { cache } from 'react';
import { PostalAddressBlock } from '@/components/addresses/postal-address';
import { LineProduct } from '@/components/catalog/line-product';
import { formatBasisPoints, formatMoney } from '@/components/catalog/money';
import { ApprovalSteps } from '@/components/authorizations/approval-steps';
import { QuestionThread } from '@/components/authorizations/question-thread';
import { OrderActions } from '@/components/orders/order-actions';
import { Alert } from '@/components/ui/alert';
import { OrderStatusBadge, PaymentBadge } from '@/components/orders/order-status-badge';
import styles from '@/components/orders/orders.module.css';
import { orRefusalPage } from '@/components/shell/refusal';
import { DataTable, type Column } from '@/components/ui/data-table';
import { LocalTime, viewerTimeZone } from '@/components/ui/local-time';
import type { RouterOutputs } from '@/components/trpc/types';
import { serverCaller } from '@/server/trpc/server';
import { BackLink } from '@/components/ui/back-link';

type Props = { params: Promise<{ number: string }>; searchParams: Promise<{ placed?: string }> };
type Order = RouterOutputs['orders']['get'];
type Line = Order['lines'][number];

const ORDER_NUMBER = /^[A-Za-z0-9-]{1,20}$/;

/** The order as this member may see it; an order outside their reach is a 404, like an unknown one. */
const loadOrder = cache(async (raw: string) => {
  const number = decodeURIComponent(raw);
  if (!ORDER_NUMBER.test(number)) notFound();
  return orRefusalPage((await serverCaller()).orders.get({ number }));
});

export async function generateMetadata({ params }: Props) {
  const order = await loadOrder((await params).number);
  return { title: `Order ${order.number}` };
}

const PLACED: Partial<Record<Order['status'], string>> = {
  pending_approval: 'It waits for approval by your organization; you get an email when it is decided.',
  payment_review: 'We review its payment first and email you the outcome.',
  backordered: 'Some items are not in stock yet; it ships as soon as they arrive.',
  payment_authorized: 'It is confirmed and goes to our warehouse next.',
};

export default async function OrderPage({ params, searchParams }: Props) {
  const order = await loadOrder((await params).number);
  const justPlaced = (await searchParams).placed === '1';
  const money = (minor: number) => (order.totals ? formatMoney(minor, order.totals.currency) : '');
  const lineColumns: Column<Line>[] = [
    { header: 'SKU', cell: (line) => line.sku },
    {
      header: 'Product',
      cell: (line) => (
        <LineProduct pictureKey={line.pictureKey} name={line.name} href={`/catalog/${encodeURIComponent(line.sku)}`} />
      ),
    },
    { header: 'Quantity', cell: (line) => `${line.quantity} ${line.unit}` },
    { header: 'Shipped', cell: (line) => line.shippedQuantity },
    ...(order.totals
      ? [
          {
            header: 'Unit price',
            cell: (line: Line) => (
              <>
                {money(line.unitPriceMinor ?? 0)}
                {line.discountBasisPoints && line.listPriceMinor !== undefined ? (
                  <span className="field-hint">
                    {' '}
                    (list {money(line.listPriceMinor)}, less {formatBasisPoints(line.discountBasisPoints)})
                  </span>
                ) : null}
              </>
            ),
          },
          { header: 'Line total', cell: (line: Line) => money(line.lineTotalMinor ?? 0) },
        ]
      : []),
  ];
  const shipTo = order.shipTo;
  return (
    <>
      <BackLink href="/orders">Orders</BackLink>
      <h1>Order {order.number}</h1>
      {justPlaced && (
        <Alert tone="success">
          Thank you: order {order.number} is placed. {PLACED[order.status] ?? ''}
        </Alert>
      )}
      <p className="lede">
        <span data-testid="order-status">
          <OrderStatusBadge status={order.status} />
        </span>{' '}
        Placed <LocalTime at={order.submittedAt} /> by {order.requester.name}
        {order.requester.unitName && ` (${order.requester.unitName})`}
      </p>
      {(order.may.cancel || order.may.reorder) && (
        <section className="card" aria-labelledby="order-actions">
          <h2 id="order-actions">What you can do</h2>
          <OrderActions number={order.number} mayCancel={order.may.cancel} mayReorder={order.may.reorder} />
        </section>
      )}
      <QuestionThread number={order.number} audience="requester" />
      <div className="grid">
        <section className="card" aria-labelledby="order-delivery">
          <h2 id="order-delivery">Delivery</h2>
          <dl className="definition-list">
            <dt>Ship to</dt>
            <dd>
              <PostalAddressBlock address={shipTo} className={styles.address} />
            </dd>
            <dt>Shipping</dt>
            <dd>{order.shippingMethod.name}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="order-payment">
          <h2 id="order-payment">Payment</h2>
          <dl className="definition-list">
            <dt>Method</dt>
            <dd>
              {order.payment.label}
              {order.payment.cardLast4 && ` ending in ${order.payment.cardLast4}`}
            </dd>
            <dt>Payment</dt>
            <dd>
              <PaymentBadge method={order.payment.method} status={order.payment.status} audience="buyer" />
            </dd>
            <dt>PO number</dt>
            <dd>{order.poNumber ?? '—'}</dd>
            {order.note && (
              <>
                <dt>Note</dt>
                <dd>{order.note}</dd>
              </>
            )}
          </dl>
        </section>
      </div>
      <section className="card" aria-labelledby="order-lines">
        <h2 id="order-lines">
          {order.itemCount} {order.itemCount === 1 ? 'item' : 'items'}
        </h2>
        <DataTable
          caption="Items of the order"
          rows={order.lines}
          rowKey={(line) => String(line.lineNumber)}
          empty="No items."
          columns={lineColumns}
        />
        {order.totals && (
          <dl className={styles.totals} aria-label="Totals">
            <dt>Subtotal</dt>
            <dd>{money(order.totals.subtotalMinor)}</dd>
            <dt>Shipping</dt>
            <dd>{money(order.totals.shippingMinor)}</dd>
            <dt className={styles.grandTotal}>Total</dt>
            <dd className={styles.grandTotal} data-testid="order-total">
              {money(order.totals.totalMinor)}
            </dd>
          </dl>
        )}
      </section>
      <section className="card" aria-labelledby="order-shipments">
        <h2 id="order-shipments">Shipments</h2>
        {order.shipments.length === 0 ? (
          <p>Nothing has shipped yet.</p>
        ) : (
          <ol className={styles.shipments}>
            {order.shipments.map((shipment, index) => (
              <li key={shipment.id}>
                <strong>Package {index + 1}</strong>:{' '}
                {shipment.status === 'shipped' ? (
                  <>
                    shipped <LocalTime at={shipment.shippedAt} />
                    {shipment.carrier && ` with ${shipment.carrier}`}
                    {shipment.trackingNumber && (
                      <>
                        , tracking number <span className={styles.tracking}>{shipment.trackingNumber}</span>
                      </>
                    )}
                  </>
                ) : (
                  'packed, not shipped yet'
                )}
                <ul>
                  {shipment.lines.map((line) => (
                    <li key={line.sku}>
                      {line.quantity} × {line.name} ({line.sku})
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </section>
      {order.approvals.length > 0 && (
        <section className="card" aria-labelledby="order-approvals">
          <h2 id="order-approvals">Approvals</h2>
          <ApprovalSteps steps={order.approvals} timeZone={await viewerTimeZone()} />
        </section>
      )}
      <section className="card" aria-labelledby="order-history">
        <h2 id="order-history">History</h2>
        <ol className={styles.timeline}>
          {order.timeline.map((event) => (
            <li key={event.id}>
              <span className={styles.when}>
                <LocalTime at={event.at} /> · {event.actorName}
              </span>
              <span>
                {event.statusLabel && <strong>{event.statusLabel}: </strong>}
                {event.message}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
