'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useWatch } from 'react-hook-form';
import { formatMoney } from '@/components/catalog/money';
import { DeliveryAndPayment, useOrderForm, type OrderOptions } from '@/components/checkout/delivery-and-payment';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import styles from './quotes.module.css';

type Props = {
  number: string;
  currency: string;
  /** Absent for members who may not see prices. */ subtotalMinor?: number;
};

/**
 * "Order this quote": the checkout's choices (ship-to, shipping, payment, card, PO) for a priced
 * quote, at its prices, with the approval the order would need. The addresses, shipping and
 * payment methods come from the checkout's options; the cart part of them is not used.
 */
export function QuoteOrderForm(props: Props) {
  const trpc = useTRPC();
  const options = useQuery(trpc.checkout.options.queryOptions());
  if (options.isPending) return <p role="status">Loading the order form…</p>;
  if (options.error) return <Alert tone="error">{options.error.message}</Alert>;
  return <QuoteOrderSteps {...props} options={options.data} />;
}

function QuoteOrderSteps({ number, currency, subtotalMinor, options }: Props & { options: OrderOptions }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { form, formError, setFormError, onServerError } = useOrderForm(options);
  const submit = useMutation(
    trpc.quotes.order.mutationOptions({
      onMutate: () => setFormError(null),
      onSuccess: (order) => router.push(`/orders/${encodeURIComponent(order.number)}?placed=1`),
      onError: onServerError,
    }),
  );
  const shippingCode = useWatch({ control: form.control, name: 'shippingMethodCode' });
  const shipping = options.shippingMethods.find((method) => method.code === shippingCode);
  // The checkout's own problem is about the cart; only "not set up for ordering" concerns the quote.
  const accountProblem =
    options.paymentMethods.length === 0
      ? (options.problem ?? 'Your account has no payment method to order with. Ask your account representative.')
      : null;

  return (
    <form
      className="form checkout"
      noValidate
      aria-label="Order this quote"
      onSubmit={form.handleSubmit((values) => submit.mutate({ ...values, number }))}
    >
      {accountProblem && <Alert tone="error">{accountProblem}</Alert>}
      {formError && <Alert tone="error">{formError}</Alert>}

      <DeliveryAndPayment form={form} options={options} idPrefix="quote-" explainNoShipping />

      {subtotalMinor !== undefined && (
        <dl className={styles.totals} aria-label="Order total" data-testid="quote-order-totals">
          <dt>Quoted items</dt>
          <dd>{formatMoney(subtotalMinor, currency)}</dd>
          {shipping?.cost && (
            <>
              <dt>Shipping</dt>
              <dd>{formatMoney(shipping.cost.amountMinor, shipping.cost.currency)}</dd>
              <dt className={styles.grandTotal}>Total</dt>
              <dd className={styles.grandTotal}>{formatMoney(subtotalMinor + shipping.cost.amountMinor, currency)}</dd>
            </>
          )}
        </dl>
      )}

      <ApprovalPreview number={number} shippingMethodCode={shippingCode} />

      {/* Stays busy after success too, until the order page opens: a second click is the same order anyway. */}
      <Button
        type="submit"
        className="button button-primary"
        disabled={submit.isPending || submit.isSuccess || Boolean(accountProblem) || options.addresses.length === 0}
        aria-busy={submit.isPending || undefined}
      >
        {submit.isPending || submit.isSuccess ? 'Placing your order…' : 'Order at these prices'}
      </Button>
    </form>
  );
}

/** The approval the order would need with the chosen shipping (its cost counts toward the total). */
function ApprovalPreview({ number, shippingMethodCode }: { number: string; shippingMethodCode: string }) {
  const trpc = useTRPC();
  const preview = useQuery(
    trpc.quotes.approvalPreview.queryOptions({ number, shippingMethodCode }, { enabled: Boolean(shippingMethodCode) }),
  );
  let body;
  if (!shippingMethodCode)
    body = <p className="field-hint">Choose a shipping method to see whether the order needs approval.</p>;
  else if (preview.isPending) body = <p className="field-hint">Checking your organization’s approvals…</p>;
  else if (preview.error) body = <Alert tone="error">{preview.error.message}</Alert>;
  else if (preview.data.problem) body = <Alert tone="error">{preview.data.problem}</Alert>;
  else if (preview.data.steps.length === 0)
    body = <p className="field-hint">This order needs no approval: it goes straight on to payment and shipping.</p>;
  else
    body = (
      <Alert tone="info">
        This order needs approval from{' '}
        {preview.data.steps.map((step) => `${step.label} — ${step.authorizers.join(' or ')}`).join(', then ')}. It waits
        for it after you place it.
      </Alert>
    );
  return (
    <section aria-labelledby="quote-approval" data-testid="quote-approval">
      <h2 id="quote-approval" className="skip-link">
        Approval
      </h2>
      {body}
    </section>
  );
}
