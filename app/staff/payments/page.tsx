import Link from 'next/link';
import { formatMoney } from '@/components/catalog/money';
import { orRefusalPage } from '@/components/shell/refusal';
import { PaymentDecision } from '@/components/staff/orders/payment-decision';
import { LocalTime } from '@/components/ui/local-time';
import { Pager } from '@/components/ui/pager';
import { PAYMENT_METHOD_LABELS } from '@/server/domain/organizations/status';
import { serverCaller } from '@/server/trpc/server';
import fit from '@/components/staff/fits.module.css';

export const metadata = { title: 'Payment review' };

type Props = { searchParams: Promise<{ page?: string }> };

export default async function PaymentReviewPage({ searchParams }: Props) {
  const page = Math.min(Math.max(1, Number((await searchParams).page) || 1), 10_000);
  const queue = await orRefusalPage((await serverCaller()).staffOrders.paymentQueue({ page }));
  return (
    <>
      <h1>Payment review</h1>
      <p className="lede">
        {queue.total === 0
          ? 'No payment waits for a review.'
          : `${queue.total} ${queue.total === 1 ? 'order waits' : 'orders wait'} for a payment decision, oldest first.`}{' '}
        Approving sends the order on to stock and fulfillment; rejecting cancels it. The buyer is emailed either way.
      </p>
      <ul className="plain-list" aria-label="Orders waiting for a payment review">
        {queue.rows.map((row) => (
          <li key={row.id}>
            <section className={`card ${fit.fits}`} aria-labelledby={`review-${row.number}`}>
              <h2 id={`review-${row.number}`}>
                <Link href={`/staff/orders/${row.number}`}>{row.number}</Link> ·{' '}
                {formatMoney(row.totalMinor, row.currency)}
              </h2>
              <dl className={`definition-list ${fit.facts}`}>
                <dt>Organization</dt>
                <dd>{row.organizationName}</dd>
                <dt>Requester</dt>
                <dd>
                  {row.requesterName} · {row.requesterEmail}
                </dd>
                <dt>Submitted</dt>
                <dd>
                  <LocalTime at={row.submittedAt} />
                </dd>
                <dt>Payment</dt>
                <dd>
                  {PAYMENT_METHOD_LABELS[row.paymentMethod]}
                  {row.cardLast4 ? ` ending ${row.cardLast4}` : ''}
                </dd>
                {'credit' in row && row.credit && (
                  <>
                    <dt>Credit line</dt>
                    <dd>
                      {formatMoney(row.credit.availableCreditMinor, row.currency)} available of{' '}
                      {formatMoney(row.credit.creditLimitMinor, row.currency)} (
                      {formatMoney(row.credit.openBalanceMinor, row.currency)} owed)
                    </dd>
                  </>
                )}
                <dt>Why</dt>
                <dd>{row.reason ?? '—'}</dd>
                {row.poNumber && (
                  <>
                    <dt>PO number</dt>
                    <dd>{row.poNumber}</dd>
                  </>
                )}
              </dl>
              <PaymentDecision number={row.number} />
            </section>
          </li>
        ))}
      </ul>
      <Pager page={page} hasNext={queue.hasNext} href={(p) => `/staff/payments?page=${p}`} />
    </>
  );
}
