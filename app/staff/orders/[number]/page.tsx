import { notFound } from 'next/navigation';
import { PostalAddressBlock } from '@/components/addresses/postal-address';
import { LineProduct } from '@/components/catalog/line-product';
import { formatBasisPoints, formatMoney } from '@/components/catalog/money';
import { orRefusalPage } from '@/components/shell/refusal';
import { CancelOrder, MarkSettled, RetryCapture } from '@/components/staff/orders/order-actions';
import { CaptureFailedBadge, OrderStatusBadge, PaymentBadge } from '@/components/orders/order-status-badge';
import { PaymentDecision } from '@/components/staff/orders/payment-decision';
import { DataTable } from '@/components/ui/data-table';
import { LocalTime, viewerTimeZone } from '@/components/ui/local-time';
import { serverCaller } from '@/server/trpc/server';
import { BackLink } from '@/components/ui/back-link';

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: `Order ${decodeURIComponent((await params).number).toUpperCase()}` };
}

async function load(number: string) {
  if (!/^[A-Za-z0-9-]{1,20}$/.test(number)) notFound();
  return orRefusalPage((await serverCaller()).staffOrders.get({ number }));
}

export default async function StaffOrderPage({ params }: Props) {
  const o = await load(decodeURIComponent((await params).number));
  const money = (minor: number) => formatMoney(minor, o.totals?.currency ?? 'USD');
  const internal = o.internal;
  return (
    <>
      <BackLink href="/staff/orders">Orders</BackLink>
      <h1>Order {o.number}</h1>
      <p className="lede">
        <OrderStatusBadge status={o.status} testId="order-status" /> ({o.statusCode}){' '}
        {o.payment.status === 'capture_failed' && <CaptureFailedBadge />} Submitted <LocalTime at={o.submittedAt} /> by{' '}
        {o.requester.name} of {o.organization.name}.
      </p>

      {o.may.reviewPayment && (
        <section className="card" aria-labelledby="review">
          <h2 id="review">Payment review</h2>
          <p>The payment of this order waits for a decision.</p>
          <PaymentDecision number={o.number} refresh />
        </section>
      )}

      <div className="grid">
        <section className="card" aria-labelledby="customer">
          <h2 id="customer">Customer</h2>
          <dl className="definition-list">
            <dt>Organization</dt>
            <dd>{o.organization.name}</dd>
            <dt>Requester</dt>
            <dd>
              {o.requester.name} · {o.requester.email}
            </dd>
            {o.requester.unitName && o.requester.unitName !== o.organization.name && (
              <>
                <dt>Unit</dt>
                <dd>{o.requester.unitName}</dd>
              </>
            )}
            <dt>PO number</dt>
            <dd>{o.poNumber ?? '—'}</dd>
            {o.note && (
              <>
                <dt>Note</dt>
                <dd>{o.note}</dd>
              </>
            )}
          </dl>
        </section>
        <section className="card" aria-labelledby="ship-to">
          <h2 id="ship-to">Ship to</h2>
          <PostalAddressBlock address={o.shipTo} />
          <p>{o.shippingMethod.name}</p>
        </section>
        <section className="card" aria-labelledby="payment">
          <h2 id="payment">Payment</h2>
          <dl className="definition-list">
            <dt>Method</dt>
            <dd>
              {o.payment.label}
              {o.payment.cardLast4 ? ` ending ${o.payment.cardLast4}` : ''}
            </dd>
            <dt>Status</dt>
            <dd>
              <PaymentBadge method={o.payment.method} status={o.payment.status} audience="staff" />
            </dd>
            {internal?.paymentReference && (
              <>
                <dt>Reference</dt>
                <dd>
                  <code>{internal.paymentReference}</code>
                </dd>
              </>
            )}
            {internal && internal.captureAttempts > 0 && (
              <>
                <dt>Capture attempts</dt>
                <dd>{internal.captureAttempts}</dd>
              </>
            )}
            {internal?.captureError && (
              <>
                <dt>Last error</dt>
                <dd>{internal.captureError}</dd>
              </>
            )}
            {internal?.captureNextAt && (
              <>
                <dt>Next try</dt>
                <dd>
                  <LocalTime at={internal.captureNextAt} />
                </dd>
              </>
            )}
            {internal?.depositedAt && (
              <>
                <dt>Paid (deposited)</dt>
                <dd>
                  <LocalTime at={internal.depositedAt} />
                </dd>
              </>
            )}
            {o.payment.method === 'on_account' && (
              <>
                <dt>Customer paid</dt>
                <dd>
                  <LocalTime at={internal?.settledAt} empty="Not yet" />
                </dd>
              </>
            )}
            {o.credit && (
              <>
                <dt>Credit line</dt>
                <dd>
                  {money(o.credit.openBalanceMinor)} owed of {money(o.credit.creditLimitMinor)} ·{' '}
                  {money(o.credit.availableCreditMinor)} available · {o.credit.paymentTerms}
                </dd>
              </>
            )}
          </dl>
          {o.may.retryCapture && <RetryCapture number={o.number} timeZone={await viewerTimeZone()} />}
          {o.may.markSettled && <MarkSettled number={o.number} />}
        </section>
      </div>

      <section className="card" aria-labelledby="lines">
        <h2 id="lines">Lines</h2>
        <DataTable
          caption={`Lines of order ${o.number}`}
          rows={o.lines}
          rowKey={(line) => String(line.lineNumber)}
          empty="No lines."
          columns={[
            { header: 'SKU', cell: (line) => line.sku },
            { header: 'Item', cell: (line) => <LineProduct pictureKey={line.pictureKey} name={line.name} /> },
            { header: 'Quantity', cell: (line) => `${line.quantity} ${line.unit}` },
            { header: 'Shipped', cell: (line) => line.shippedQuantity },
            {
              header: 'Unit price',
              cell: (line) =>
                line.unitPriceMinor === undefined
                  ? '—'
                  : `${money(line.unitPriceMinor)}${line.listPriceMinor !== undefined && line.discountBasisPoints ? ` (list ${money(line.listPriceMinor)} less ${formatBasisPoints(line.discountBasisPoints)})` : ''}`,
            },
            {
              header: 'Line total',
              cell: (line) => (line.lineTotalMinor === undefined ? '—' : money(line.lineTotalMinor)),
            },
          ]}
        />
        {o.totals && (
          <dl className="totals">
            <dt>Subtotal</dt>
            <dd>{money(o.totals.subtotalMinor)}</dd>
            <dt>Shipping</dt>
            <dd>{money(o.totals.shippingMinor)}</dd>
            <dt>Total</dt>
            <dd>
              <strong>{money(o.totals.totalMinor)}</strong>
            </dd>
          </dl>
        )}
      </section>

      <div className="grid">
        <section className="card" aria-labelledby="allocations">
          <h2 id="allocations">Stock allocated</h2>
          {o.allocations.length === 0 ? (
            <p>
              No stock is allocated to this order
              {o.status === 'backordered' ? ' yet: it waits for stock (backordered)' : ''}.
            </p>
          ) : (
            o.allocations.map((center) => (
              <div key={center.code}>
                <h3>
                  {center.name} ({center.code})
                </h3>
                <ul className="plain-list">
                  {center.lines.map((line) => (
                    <li key={line.lineNumber}>
                      {line.quantity} × {line.sku}
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )}
        </section>
        <section className="card" aria-labelledby="shipments">
          <h2 id="shipments">Packages</h2>
          {o.shipments.length === 0 ? (
            <p>Nothing packed yet.</p>
          ) : (
            <ul className="plain-list">
              {o.shipments.map((box) => (
                <li key={box.id}>
                  {box.status === 'shipped' ? (
                    <>
                      Shipped <LocalTime at={box.shippedAt} /> with {box.carrier ?? 'a carrier'}, tracking{' '}
                      {box.trackingNumber ?? '—'}
                    </>
                  ) : (
                    'Packed, not shipped yet'
                  )}
                  : {box.lines.map((line) => `${line.quantity} × ${line.sku}`).join(', ')}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="history">
        <h2 id="history">History</h2>
        <ol className="checklist" aria-label="History">
          {o.history.map((event) => (
            <li key={event.id}>
              <span>
                <LocalTime at={event.at} />
              </span>
              <span>
                <strong>{event.actorName}</strong>
                {event.fromLabel && event.toLabel && ` · ${event.fromLabel} → ${event.toLabel}`} — {event.message}
              </span>
            </li>
          ))}
        </ol>
      </section>

      {o.may.cancel && (
        <section className="card" aria-labelledby="cancel">
          <h2 id="cancel">Cancel the order</h2>
          <CancelOrder number={o.number} />
        </section>
      )}
    </>
  );
}
