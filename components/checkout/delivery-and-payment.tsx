'use client';

import { useState } from 'react';
import { useFormState, useWatch, type UseFormReturn } from 'react-hook-form';
import { formatMoney } from '@/components/catalog/money';
import type { RouterOutputs } from '@/components/trpc/types';
import { Field } from '@/components/ui/field';
import { useServerForm } from '@/components/ui/use-server-form';
import { PAYMENT_METHOD_LABELS } from '@/server/domain/organizations/status';
import { submitOrderSchema, type SubmitOrderInput } from '@/server/schemas/orders';

/** The checkout's options: the cart, ship-to addresses, shipping and payment methods, credit, approval. */
export type OrderOptions = RouterOutputs['checkout']['options'];

const FIELDS = ['addressId', 'shippingMethodCode', 'paymentMethod', 'cardNumber', 'poNumber', 'note'] as const;

/** One key per visit of the page: every retry of the form is the same order. */
function newIdempotencyKey(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/**
 * The form of an order about to be placed (from the cart or from a quote): the first address,
 * shipping and payment method chosen, and one idempotency key for every retry of this visit.
 */
export function useOrderForm(options: OrderOptions) {
  const [idempotencyKey] = useState(newIdempotencyKey);
  return useServerForm<SubmitOrderInput>({
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
}

/**
 * Where the order goes and how it is paid: ship-to address, shipping method, payment method (the
 * card number when paying by card), PO number and a note for the seller.
 */
export function DeliveryAndPayment({
  form,
  options,
  idPrefix = '',
  explainNoShipping = false,
}: {
  form: UseFormReturn<SubmitOrderInput>;
  options: OrderOptions;
  /** Keeps the error ids apart from another order form's. */
  idPrefix?: string;
  /** Says so when the account has no shipping method (the checkout's own problem says it otherwise). */
  explainNoShipping?: boolean;
}) {
  const { errors } = useFormState({ control: form.control });
  const paymentMethod = useWatch({ control: form.control, name: 'paymentMethod' });
  return (
    <>
      <fieldset className="fieldset" aria-describedby={errors.addressId ? `${idPrefix}address-error` : undefined}>
        <legend>Ship to</legend>
        {options.addresses.length === 0 && (
          <p>Your organization has no ship-to address yet. Ask your administrator to add one.</p>
        )}
        {options.addresses.map((address) => (
          <label key={address.id} className="choice">
            <input type="radio" value={address.id} {...form.register('addressId')} />
            <span>
              <strong>{address.label}</strong>
              <span className="field-hint"> {address.lines.join(', ')}</span>
            </span>
          </label>
        ))}
        {errors.addressId && (
          <p id={`${idPrefix}address-error`} className="field-error">
            {errors.addressId.message}
          </p>
        )}
      </fieldset>

      <fieldset
        className="fieldset"
        aria-describedby={errors.shippingMethodCode ? `${idPrefix}shipping-error` : undefined}
      >
        <legend>Shipping method</legend>
        {explainNoShipping && options.shippingMethods.length === 0 && (
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
          <p id={`${idPrefix}shipping-error`} className="field-error">
            {errors.shippingMethodCode.message}
          </p>
        )}
      </fieldset>

      <fieldset className="fieldset" aria-describedby={errors.paymentMethod ? `${idPrefix}payment-error` : undefined}>
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
          <p id={`${idPrefix}payment-error`} className="field-error">
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
    </>
  );
}
