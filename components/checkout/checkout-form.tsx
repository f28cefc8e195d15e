'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { formatMoney } from '@/components/catalog/money';
import { useTRPC } from '@/components/trpc/provider';
import type { RouterOutputs } from '@/components/trpc/types';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { useServerForm } from '@/components/ui/use-server-form';
import { Button } from '@/components/ui/button';
import { PAYMENT_METHOD_LABELS } from '@/server/domain/organizations/status';
import { submitOrderSchema, type SubmitOrderInput } from '@/server/schemas/orders';

type Options = RouterOutputs['checkout']['options'];
const FIELDS = ['addressId', 'shippingMethodCode', 'paymentMethod', 'cardNumber', 'poNumber', 'note'] as const;

/** One key per visit of the page: every retry of this checkout is the same order. */
function newIdempotencyKey(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

export function CheckoutForm() {
  const trpc = useTRPC();
  const options = useQuery(trpc.checkout.options.queryOptions());
  if (options.isPending) return <p role="status">Loading the checkout…</p>;
  if (options.error) return <Alert tone="error">{options.error.message}</Alert>;
  return <CheckoutSteps options={options.data} />;
}

function CheckoutSteps({ options }: { options: Options }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const defaultAddress = options.addresses[0]?.id ?? '';
  const { form, formError, setFormError, onServerError } = useServerForm<SubmitOrderInput>({
    schema: submitOrderSchema,
    fields: FIELDS,
    defaultValues: {
      idempotencyKey,
      addressId: defaultAddress,
      shippingMethodCode: options.shippingMethods[0]?.code ?? '',
      paymentMethod: options.paymentMethods[0],
      cardNumber: '',
      poNumber: '',
      note: '',
    },
  });
  const submit = useMutation(
    trpc.checkout.submit.mutationOptions({
      onMutate: () => setFormError(null),
      onSuccess: (order) => router.push(`/orders/${order.number}?placed=1`),
      onError: onServerError,
    }),
  );
  const { errors } = form.formState;
  const [paymentMethod, shippingCode] = useWatch({
    control: form.control,
    name: ['paymentMethod', 'shippingMethodCode'],
  });
  const { cart } = options;

  if (cart.lines.length === 0) {
    return (
      <Alert tone="info">
        Your cart is empty. Find products in the <Link href="/catalog">catalog</Link>.
      </Alert>
    );
  }
  const shipping = options.shippingMethods.find((method) => method.code === shippingCode);
  const subtotal =
    'subtotal' in cart && cart.subtotal && 'amountMinor' in cart.subtotal && cart.subtotal.currency
      ? cart.subtotal
      : null;

  return (
    <form
      className="form checkout"
      noValidate
      aria-label="Checkout"
      onSubmit={form.handleSubmit((values) => submit.mutate(values))}
    >
      {options.problem && <Alert tone="error">{options.problem}</Alert>}
      {formError && <Alert tone="error">{formError}</Alert>}

      <section className="card" aria-labelledby="checkout-items">
        <h2 id="checkout-items">
          {cart.itemCount} {cart.itemCount === 1 ? 'item' : 'items'} · <Link href="/cart">change</Link>
        </h2>
        <ul className="plain-list">
          {cart.lines.map((line) => (
            <li key={line.sku}>
              {line.quantity} × {line.name} <span className="field-hint">({line.sku})</span>
              {'lineTotalMinor' in line && line.price && line.lineTotalMinor != null && (
                <> · {formatMoney(line.lineTotalMinor, line.price.currency)}</>
              )}
            </li>
          ))}
        </ul>
        {subtotal && (
          <dl className="totals" data-testid="checkout-totals">
            <dt>Subtotal</dt>
            <dd>{formatMoney(subtotal.amountMinor, subtotal.currency as string)}</dd>
            {shipping?.cost && (
              <>
                <dt>Shipping</dt>
                <dd>{formatMoney(shipping.cost.amountMinor, shipping.cost.currency)}</dd>
                <dt>Total</dt>
                <dd>
                  <strong>
                    {formatMoney(subtotal.amountMinor + shipping.cost.amountMinor, shipping.cost.currency)}
                  </strong>
                </dd>
              </>
            )}
          </dl>
        )}
      </section>

      <fieldset className="fieldset" aria-describedby={errors.addressId ? 'address-error' : undefined}>
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
          <p id="address-error" className="field-error">
            {errors.addressId.message}
          </p>
        )}
      </fieldset>

      <fieldset className="fieldset" aria-describedby={errors.shippingMethodCode ? 'shipping-error' : undefined}>
        <legend>Shipping method</legend>
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
          <p id="shipping-error" className="field-error">
            {errors.shippingMethodCode.message}
          </p>
        )}
      </fieldset>

      <fieldset className="fieldset" aria-describedby={errors.paymentMethod ? 'payment-error' : undefined}>
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
          <p id="payment-error" className="field-error">
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

      <section aria-labelledby="checkout-approval">
        <h2 id="checkout-approval" className="skip-link">
          Approval
        </h2>
        {options.approval.length === 0 ? (
          <p className="field-hint">This order needs no approval: it goes straight on to payment and shipping.</p>
        ) : (
          <Alert tone="info">
            This order needs approval from{' '}
            {options.approval.map((step) => `${step.label} — ${step.authorizers.join(' or ')}`).join(', then ')}.
          </Alert>
        )}
      </section>

      {/* Stays busy after success too, until the order page opens: a second click cannot place a second order anyway. */}
      <Button
        type="submit"
        className="button button-primary"
        disabled={submit.isPending || submit.isSuccess || Boolean(options.problem) || options.addresses.length === 0}
        aria-busy={submit.isPending || undefined}
      >
        {submit.isPending || submit.isSuccess ? 'Placing your order…' : 'Place order'}
      </Button>
    </form>
  );
}
