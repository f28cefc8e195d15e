'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { formatMoney } from '@/components/catalog/money';
import { useTRPC } from '@/components/trpc/provider';
import type { RouterOutputs } from '@/components/trpc/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { useServerForm } from '@/components/ui/use-server-form';
import { PAYMENT_METHOD_LABELS } from '@/server/domain/organizations/status';
import { submitOrderSchema, type SubmitOrderInput } from '@/server/schemas/orders';
import styles from './quotes.module.css';

type Options = RouterOutputs['checkout']['options'];
type Props = {
  number: string;
  currency: string;
  /** Absent for members who may not see prices. */ subtotalMinor?: number;
};

const FIELDS = ['addressId', 'shippingMethodCode', 'paymentMethod', 'cardNumber', 'poNumber', 'note'] as const;

/** One key per visit of the page: every retry of this form is the same order. */
function newIdempotencyKey(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

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

function QuoteOrderSteps({ number, currency, subtotalMinor, options }: Props & { options: Options }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const { form, formError, setFormError, onServerError } = useServerForm<SubmitOrderInput>({
    schema: submitOrderSchema,
    fields: FIELDS,
    defaultValues: {
      idempotencyKey,
      addressId: options.addresses[0]?.id ?? '',
      shippingMethodCode: options.shippingMethods[0]?.code ?? '',
      paymentMethod: options.paymentMethods[0],
      cardNumber: '',
      poNumber: '',
      note: '',
    },
  });
  const submit = useMutation(
    trpc.quotes.order.mutationOptions({
      onMutate: () => setFormError(null),
      onSuccess: (order) => router.push(`/orders/${encodeURIComponent(order.number)}?placed=1`),
      onError: onServerError,
    }),
  );
  const { errors } = form.formState;
  const [paymentMethod, shippingCode] = useWatch({
    control: form.control,
    name: ['paymentMethod', 'shippingMethodCode'],
  });
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

      <fieldset className="fieldset" aria-describedby={errors.addressId ? 'quote-address-error' : undefined}>
        <legend>Ship to</legend>
        {options.addresses.length === 0 && (
          <p>Your organization has no ship-to address yet. Ask your administrator to add one.</p>
        )}
        {options.addresses.map((address) => (
          <label key={address.id} className="choice">
            <input type="radio" value={address.id} {...form.register('addressId')} />
            <span>
              <strong>{address.label}</strong>
              <span className="field-hint">
                {' '}
                {address.recipient}, {address.addressLine1}
                {address.addressLine2 ? `, ${address.addressLine2}` : ''}, {address.postalCode} {address.city},{' '}
                {address.country}
              </span>
            </span>
          </label>
        ))}
        {errors.addressId && (
          <p id="quote-address-error" className="field-error">
            {errors.addressId.message}
          </p>
        )}
      </fieldset>

      <fieldset className="fieldset" aria-describedby={errors.shippingMethodCode ? 'quote-shipping-error' : undefined}>
        <legend>Shipping method</legend>
        {options.shippingMethods.length === 0 && (
          <p>No shipping method is available for your account. Ask your account representative.</p>
        )}
        {options.shippingMethods.map((method) => (
          <label key={method.code} className="choice">
            <input type="radio" value={method.code} {...form.register('shippingMethodCode')} />
            <span>
              <strong>{method.name}</strong>
              <span className="field-hint">
                {' '}
                {method.description}
                {method.cost &&
                  ` · ${method.cost.amountMinor === 0 ? 'free' : formatMoney(method.cost.amountMinor, method.cost.currency)}`}
              </span>
            </span>
          </label>
        ))}
        {errors.shippingMethodCode && (
          <p id="quote-shipping-error" className="field-error">
            {errors.shippingMethodCode.message}
          </p>
        )}
      </fieldset>

      <fieldset className="fieldset" aria-describedby={errors.paymentMethod ? 'quote-payment-error' : undefined}>
        <legend>Payment</legend>
        {options.paymentMethods.map((method) => (
          <label key={method} className="choice">
            <input type="radio" value={method} {...form.register('paymentMethod')} />
            <span>
              <strong>{PAYMENT_METHOD_LABELS[method]}</strong>
              {method === 'on_account' && options.credit && (
                <span className="field-hint">
                  {' '}
                  · {formatMoney(options.credit.availableCreditMinor, options.credit.currency)} available credit
                </span>
              )}
            </span>
          </label>
        ))}
        {errors.paymentMethod && (
          <p id="quote-payment-error" className="field-error">
            {errors.paymentMethod.message}
          </p>
        )}
        {paymentMethod === 'card' && (
          <Field
            label="Card number"
            inputMode="numeric"
            autoComplete="cc-number"
            maxLength={23}
            hint="Test cards: 4242 4242 4242 4242 is authorized, 4000 0000 0000 9235 needs a review, 4000 0000 0000 0002 is declined."
            error={errors.cardNumber?.message}
            {...form.register('cardNumber')}
          />
        )}
      </fieldset>

      <Field
        label="Your PO number (optional)"
        maxLength={40}
        autoComplete="off"
        error={errors.poNumber?.message}
        {...form.register('poNumber')}
      />
      <Field
        label="Note for the seller (optional)"
        maxLength={500}
        autoComplete="off"
        error={errors.note?.message}
        {...form.register('note')}
      />

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
