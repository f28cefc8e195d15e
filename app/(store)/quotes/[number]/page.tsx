import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { formatQuoteDate, QuoteLines } from '@/components/quotes/quote-lines';
import { QuoteOrderForm } from '@/components/quotes/quote-order-form';
import { QuoteStatusBadge } from '@/components/quotes/quote-status-badge';
import styles from '@/components/quotes/quotes.module.css';
import { WithdrawQuote } from '@/components/quotes/withdraw-quote';
import { getMe } from '@/components/shell/me';
import { signedInOrSignIn } from '@/components/shell/signed-in';
import { orRefusalPage } from '@/components/shell/refusal';
import { Alert } from '@/components/ui/alert';
import { LocalTime } from '@/components/ui/local-time';
import { serverCaller } from '@/server/trpc/server';
import { BackLink } from '@/components/ui/back-link';

type Props = {
  params: Promise<{ number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const QUOTE_NUMBER = /^[A-Za-z0-9-]{1,20}$/;

/** The member's own quote; anyone else's is a 404, like an unknown one. */
const loadQuote = cache(async (raw: string) => {
  const number = decodeURIComponent(raw);
  if (!QUOTE_NUMBER.test(number)) notFound();
  return orRefusalPage((await serverCaller()).quotes.get({ number }));
});

export async function generateMetadata({ params }: Props) {
  if (!(await getMe())) return { title: 'Quote' };
  const quote = await loadQuote((await params).number);
  return { title: `Quote ${quote.number}` };
}

/**
 * A quote as its requester follows it: what was asked, the prices once they are in and how long
 * they hold, the seller's note; withdraw it, or order it at those prices.
 */
export default async function QuotePage({ params, searchParams }: Props) {
  const me = await signedInOrSignIn();
  const [quote, query] = await Promise.all([loadQuote((await params).number), searchParams]);
  const mayOrder = me.membership?.permissions.includes('orders.place') ?? false;
  const open = quote.status === 'requested' || quote.status === 'priced';
  const justRequested = query.requested === '1' && quote.status === 'requested';
  const itemCount = quote.lines.reduce((sum, line) => sum + line.quantity, 0);
  return (
    <>
      <BackLink href="/quotes">Quotes</BackLink>
      <h1>Quote {quote.number}</h1>
      <p className="lede">
        <QuoteStatusBadge status={quote.status} testId="quote-status" /> Requested <LocalTime at={quote.requestedAt} />
        {quote.status === 'priced' && quote.validUntil && <> · prices hold until {formatQuoteDate(quote.validUntil)}</>}
      </p>

      {justRequested ? (
        <Alert tone="success">
          Quote {quote.number} is requested and your cart is empty. Your account representative prices it; you are
          emailed when the prices are in.
        </Alert>
      ) : (
        <QuoteState quote={quote} mayOrder={mayOrder} />
      )}
      {query.withdrawn === '1' && quote.status === 'withdrawn' && (
        <Alert tone="success">Quote {quote.number} is withdrawn.</Alert>
      )}

      <section className="card" aria-labelledby="quote-lines">
        <h2 id="quote-lines">{itemCount === 1 ? '1 item' : `${itemCount} items`}</h2>
        <QuoteLines lines={quote.lines} currency={quote.currency} totalMinor={quote.totalMinor} />
      </section>

      {(quote.buyerNote || quote.sellerNote) && (
        <section className="card" aria-labelledby="quote-notes">
          <h2 id="quote-notes">Notes</h2>
          <dl className="definition-list">
            {quote.buyerNote && (
              <>
                <dt>Your note</dt>
                <dd className={styles.note}>{quote.buyerNote}</dd>
              </>
            )}
            {quote.sellerNote && (
              <>
                <dt>{quote.status === 'rejected' ? 'Why the seller declined' : 'From the seller'}</dt>
                <dd className={styles.note} data-testid="seller-note">
                  {quote.sellerNote}
                </dd>
              </>
            )}
          </dl>
        </section>
      )}

      {quote.status === 'priced' && mayOrder && (
        <section className="card" aria-labelledby="quote-order">
          <h2 id="quote-order">Order this quote</h2>
          <p>
            The order is placed at the quoted prices and goes through your organization’s approvals like any other
            order.
          </p>
          <QuoteOrderForm number={quote.number} currency={quote.currency} subtotalMinor={quote.totalMinor} />
        </section>
      )}

      {open && (
        <section className="card" aria-labelledby="quote-withdraw">
          <h2 id="quote-withdraw">No longer needed?</h2>
          <WithdrawQuote number={quote.number} />
        </section>
      )}
    </>
  );
}

type Quote = Awaited<ReturnType<typeof loadQuote>>;

/** One sentence on where the quote stands and what comes next. */
function QuoteState({ quote, mayOrder }: { quote: Quote; mayOrder: boolean }) {
  switch (quote.status) {
    case 'requested':
      return (
        <Alert tone="info">
          Waiting for prices from your account representative. You are emailed when they are in.
        </Alert>
      );
    case 'priced':
      return (
        <Alert tone="info">
          Priced <LocalTime at={quote.pricedAt} />.{' '}
          {mayOrder ? 'Order it below' : 'Someone who may place orders can order it'} until{' '}
          {formatQuoteDate(quote.validUntil)}.
        </Alert>
      );
    case 'ordered':
      return (
        <Alert tone="info">
          Ordered
          {quote.orderNumber && (
            <>
              {' '}
              as order <Link href={`/orders/${encodeURIComponent(quote.orderNumber)}`}>{quote.orderNumber}</Link>
            </>
          )}
          .
        </Alert>
      );
    case 'rejected':
      return (
        <Alert tone="info">
          The seller declined this quote. Order the items from your cart at your usual prices, or ask for a new quote.
        </Alert>
      );
    case 'withdrawn':
      return <Alert tone="info">You withdrew this quote; it can no longer be ordered.</Alert>;
    case 'expired':
      return (
        <Alert tone="info">
          The prices held until {formatQuoteDate(quote.validUntil)}. To order these items, ask for a new quote from your
          cart.
        </Alert>
      );
  }
}
