import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { PostalAddressBlock } from '@/components/addresses/postal-address';
import { ApprovalSteps, type ApprovalStepView } from '@/components/authorizations/approval-steps';
import { BudgetInView } from '@/components/authorizations/budget-in-view';
import styles from '@/components/authorizations/authorizations.module.css';
import { DecisionPanel } from '@/components/authorizations/decision-panel';
import { HandOnHistory } from '@/components/authorizations/hand-on-history';
import { HandOnPanel } from '@/components/authorizations/hand-on-panel';
import { QuestionThread } from '@/components/authorizations/question-thread';
import { OrderLines } from '@/components/authorizations/order-lines';
import { formatMoney } from '@/components/catalog/money';
import { OrderStatusBadge } from '@/components/orders/order-status-badge';
import { getMe } from '@/components/shell/me';
import { orRefusalPage } from '@/components/shell/refusal';
import { LocalTime, viewerTimeZone } from '@/components/ui/local-time';
import { RETURN_PATH_HEADER, signInPathFor } from '@/server/auth/return-path';
import { serverCaller } from '@/server/trpc/server';
import { BackLink } from '@/components/ui/back-link';

type Props = { params: Promise<{ number: string }> };

const ORDER_NUMBER = /^[A-Za-z0-9-]{1,20}$/;
/** How many lines "What is asked" names; the full list is further down. */
const GLANCE_LINES = 3;

/** The steps waiting for a decision, this authorizer's own first: why the order is on their desk. */
function whyItNeedsApproval(steps: ApprovalStepView[]): string[] {
  const pending = steps.filter((step) => step.status === 'pending');
  const yours = pending.filter((step) => step.authorizers.some((authorizer) => authorizer.isYou));
  return (yours.length > 0 ? yours : pending).map((step) => step.label);
}

/** The order as its authorizer sees it; an order they are not asked about is a 404, like an unknown one. */
const loadOrder = cache(async (raw: string) => {
  const number = decodeURIComponent(raw);
  if (!ORDER_NUMBER.test(number)) notFound();
  return orRefusalPage((await serverCaller()).authorizations.order({ number }));
});

export async function generateMetadata({ params }: Props) {
  if (!(await getMe())) return { title: 'Authorization' };
  const { order } = await loadOrder((await params).number);
  return { title: `Order ${order.number} · Authorizations` };
}

/**
 * The approval page, for a phone first: what is asked (requester, total, the first lines, why it
 * needs approval), the decision right below (on a phone in a bar fixed at the bottom), then the approvals with who decided what, the items, and delivery. Rendered on the
 * server; only the decision form is a client component.
 */
export default async function AuthorizationPage({ params }: Props) {
  // The authorizer who follows the email link while signed out comes back here after signing in.
  if (!(await getMe())) redirect(signInPathFor((await headers()).get(RETURN_PATH_HEADER)));
  const { order, steps, canDecide, whyNot, mayCancelDecision, budget } = await loadOrder((await params).number);
  const money = (minor: number) => (order.totals ? formatMoney(minor, order.totals.currency) : '');
  const shipTo = order.shipTo;
  const glance = order.lines.slice(0, GLANCE_LINES);
  const reasons = whyItNeedsApproval(steps);
  return (
    // On a phone the decision bar is fixed at the bottom: the page leaves room so nothing hides under it.
    <div className={canDecide ? styles.withDecisionBar : undefined}>
      <BackLink href="/authorizations">Authorizations</BackLink>
      <h1>Order {order.number}</h1>
      <p className="lede">
        <span data-testid="order-status">
          <OrderStatusBadge status={order.status} />
        </span>
      </p>
      {/* On a desktop what is asked and the decision stand side by side, both in the first screen. */}
      <div className={styles.askAndDecide}>
        <section className="card" aria-labelledby="approval-summary">
          <h2 id="approval-summary">What is asked</h2>
          <dl className={styles.summary}>
            <dt>Requester</dt>
            <dd>
              {order.requester.name}
              {order.requester.unitName && <span className="field-hint"> · {order.requester.unitName}</span>}
            </dd>
            <dt>Submitted</dt>
            <dd>
              <LocalTime at={order.submittedAt} />
            </dd>
            {order.poNumber && (
              <>
                <dt>PO number</dt>
                <dd>{order.poNumber}</dd>
              </>
            )}
            <dt>{order.totals ? 'Total' : 'Items'}</dt>
            <dd>
              {order.totals && (
                <span className={styles.bigTotal} data-testid="approval-total">
                  {money(order.totals.totalMinor)}
                </span>
              )}
              {order.totals ? ' · ' : ''}
              {order.itemCount === 1 ? '1 item' : `${order.itemCount} items`}
            </dd>
            <dt>Holds</dt>
            <dd>
              <ul className={styles.glance} aria-label="What the order holds">
                {glance.map((line) => (
                  <li key={line.lineNumber}>
                    {line.quantity} × {line.name}
                  </li>
                ))}
              </ul>
              {order.lines.length > glance.length && (
                <span className="field-hint">and {order.lines.length - glance.length} more</span>
              )}
            </dd>
          </dl>
          {reasons.length > 0 && (
            <p className={styles.why} data-testid="approval-why">
              Needs approval: {reasons.join('; ')}
            </p>
          )}
          <BudgetInView budget={budget} />
        </section>
        <section className={`card ${styles.decision}`} aria-labelledby="approval-decision">
          <h2 id="approval-decision">{canDecide ? 'Your decision' : 'Decision'}</h2>
          <DecisionPanel
            number={order.number}
            requesterName={order.requester.name}
            canDecide={canDecide}
            whyNot={whyNot}
            mayCancelDecision={mayCancelDecision}
          />
        </section>
      </div>
      <QuestionThread number={order.number} audience="authorizer" />
      <HandOnPanel number={order.number} />
      <section className="card" aria-labelledby="approval-steps">
        <h2 id="approval-steps">Approvals</h2>
        <ApprovalSteps steps={steps} timeZone={await viewerTimeZone()} />
        <HandOnHistory events={order.timeline} />
      </section>
      <section className="card" aria-labelledby="approval-lines">
        <h2 id="approval-lines">{order.itemCount === 1 ? '1 item' : `${order.itemCount} items`}</h2>
        <OrderLines lines={order.lines} totals={order.totals} />
      </section>
      <section className="card" aria-labelledby="approval-delivery">
        <h2 id="approval-delivery">Delivery and payment</h2>
        <dl className={styles.summary}>
          <dt>Ship to</dt>
          <dd>
            <PostalAddressBlock address={shipTo} className={styles.address} />
          </dd>
          <dt>Shipping</dt>
          <dd>{order.shippingMethod.name}</dd>
          <dt>Payment</dt>
          <dd>
            {order.payment.label}
            {order.payment.cardLast4 && ` ending in ${order.payment.cardLast4}`}
          </dd>
          {order.note && (
            <>
              <dt>Note</dt>
              <dd>{order.note}</dd>
            </>
          )}
        </dl>
      </section>
    </div>
  );
}
