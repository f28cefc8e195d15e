import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { minorToInput } from '@/components/catalog/money';
import { formatQuoteDate, QuoteLines } from '@/components/quotes/quote-lines';
import { QuotePricingForm } from '@/components/quotes/quote-pricing-form';
import { QuoteStatusBadge } from '@/components/quotes/quote-status-badge';
import styles from '@/components/quotes/quotes.module.css';
import { RejectQuote } from '@/components/quotes/reject-quote';
import { signedInOrSignIn } from '@/components/shell/signed-in';
import { getMe } from '@/components/shell/me';
import { orRefusalPage } from '@/components/shell/refusal';
import { Alert } from '@/components/ui/alert';
import { LocalTime } from '@/components/ui/local-time';
import { DEFAULT_QUOTE_VALIDITY_DAYS } from '@/server/domain/quotes/status';
import { serverCaller } from '@/server/trpc/server';
import { BackLink } from '@/components/ui/back-link';

type Props = {
  params: Promise<{ number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const QUOTE_NUMBER = /^[A-Za-z0-9-]{1,20}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

const loadQuote = cache(async (raw: string) => {
  const number = decodeURIComponent(raw);
  if (!QUOTE_NUMBER.test(number)) notFound();
  return orRefusalPage((await serverCaller()).staffQuotes.get({ number }));
});

export async function generateMetadata({ params }: Props) {
  if (!(await getMe())) return { title: 'Quote' };
  const quote = await loadQuote((await params).number);
  return { title: `Quote ${quote.number}` };
}

/**
 * A quote on the desk: who asks, for what, with the contract price per line as a starting point;
 * the pricing form (again until it is ordered), and rejecting with a reason.
 */
export default async function StaffQuotePage({ params, searchParams }: Props) {
  await signedInOrSignIn();
  const [quote, query] = await Promise.all([loadQuote((await params).number), searchParams]);
  // A priced quote past its date is still stored as priced: it may be priced again (or rejected).
  const open = quote.status === 'requested' || quote.status === 'priced' || quote.status === 'expired';
  const now = new Date();
  const validUntil =
    quote.status === 'priced' && quote.validUntil
      ? formatQuoteDate(quote.validUntil)
      : new Date(now.getTime() + DEFAULT_QUOTE_VALIDITY_DAYS * DAY_MS).toISOString().slice(0, 10);
  const startingPrices = quote.lines.map((line) => {
    const minor = line.unitPriceMinor ?? line.contractPriceMinor;
    return minor == null ? '' : minorToInput(minor, quote.currency);
  });
  return (
    <>
      <BackLink href="/staff/quotes">Quotes</BackLink>
      <h1>Quote {quote.number}</h1>
      <p className="lede">
        <QuoteStatusBadge status={quote.status} testId="quote-status" /> Requested <LocalTime at={quote.requestedAt} />{' '}
        by {quote.requester.name} of {quote.organizationName}.
      </p>
      {query.rejected === '1' && quote.status === 'rejected' && (
        <Alert tone="success">
          Quote {quote.number} is rejected. {quote.requester.name} is emailed your reason.
        </Alert>
      )}

      <section className="card" aria-labelledby="quote-customer">
        <h2 id="quote-customer">Request</h2>
        <dl className="definition-list">
          <dt>Organization</dt>
          <dd>{quote.organizationName}</dd>
          <dt>Requester</dt>
          <dd>
            {quote.requester.name} · {quote.requester.email}
          </dd>
          <dt>Requested</dt>
          <dd>
            <LocalTime at={quote.requestedAt} />
          </dd>
          <dt>Buyer’s note</dt>
          <dd className={styles.note}>{quote.buyerNote ?? '—'}</dd>
          {quote.pricedAt && (
            <>
              <dt>Priced</dt>
              <dd>
                <LocalTime at={quote.pricedAt} />
              </dd>
            </>
          )}
          {quote.validUntil && (
            <>
              <dt>Prices hold until</dt>
              <dd>{formatQuoteDate(quote.validUntil)}</dd>
            </>
          )}
          {quote.sellerNote && (
            <>
              <dt>{quote.status === 'rejected' ? 'Reason for rejecting' : 'Note for the buyer'}</dt>
              <dd className={styles.note}>{quote.sellerNote}</dd>
            </>
          )}
          {quote.orderNumber && (
            <>
              <dt>Order</dt>
              <dd>
                <Link href={`/staff/orders/${encodeURIComponent(quote.orderNumber)}`}>{quote.orderNumber}</Link>
              </dd>
            </>
          )}
        </dl>
      </section>

      {open ? (
        <>
          <section className="card" aria-labelledby="quote-pricing">
            <h2 id="quote-pricing">{quote.status === 'requested' ? 'Price the quote' : 'Prices'}</h2>
            {quote.status !== 'requested' && (
              <p>
                Saving new prices replaces the old ones and emails the buyer again; it is possible until the quote is
                ordered.
              </p>
            )}
            <QuotePricingForm
              number={quote.number}
              currency={quote.currency}
              requesterName={quote.requester.name}
              lines={quote.lines}
              startingPrices={startingPrices}
              validUntil={validUntil}
              sellerNote={quote.sellerNote ?? ''}
              repricing={quote.status !== 'requested'}
            />
          </section>
          <section className="card" aria-labelledby="quote-reject">
            <h2 id="quote-reject">Reject the request</h2>
            <RejectQuote number={quote.number} />
          </section>
        </>
      ) : (
        <section className="card" aria-labelledby="quote-lines">
          <h2 id="quote-lines">Lines</h2>
          <QuoteLines
            lines={quote.lines}
            currency={quote.currency}
            totalMinor={quote.totalMinor}
            catalogLinks={false}
          />
        </section>
      )}
    </>
  );
}
