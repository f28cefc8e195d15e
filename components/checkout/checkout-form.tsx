'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useWatch } from 'react-hook-form';
import { formatMoney } from '@/components/catalog/money';
import { ProductPicture } from '@/components/catalog/product-picture';
import { DeliveryAndPayment, useOrderForm, type OrderOptions } from '@/components/checkout/delivery-and-payment';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import styles from './checkout.module.css';

export function CheckoutForm() {
  const trpc = useTRPC();
  const options = useQuery(trpc.checkout.options.queryOptions());
  if (options.isPending) return <p role="status">Loading the checkout…</p>;
  if (options.error) return <Alert tone="error">{options.error.message}</Alert>;
  return <CheckoutSteps options={options.data} />;
}

function CheckoutSteps({ options }: { options: OrderOptions }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { form, formError, setFormError, onServerError } = useOrderForm(options);
  const submit = useMutation(
    trpc.checkout.submit.mutationOptions({
      onMutate: () => setFormError(null),
      onSuccess: (order) => router.push(`/orders/${order.number}?placed=1`),
      onError: onServerError,
    }),
  );
  const shippingCode = useWatch({ control: form.control, name: 'shippingMethodCode' });
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

  const total = subtotal && shipping?.cost ? subtotal.amountMinor + shipping.cost.amountMinor : null;
  const count = `${cart.itemCount} ${cart.itemCount === 1 ? 'item' : 'items'}`;

  return (
    <form
      className={`checkout ${styles.checkout}`}
      noValidate
      aria-label="Checkout"
      onSubmit={form.handleSubmit((values) => submit.mutate(values))}
    >
      {/* On a phone the summary follows the form: this line says at once what is being ordered. */}
      <p className={styles.shortTotal}>
        {count}
        {total !== null && shipping?.cost && <> · Total {formatMoney(total, shipping.cost.currency)}</>} ·{' '}
        <a href="#checkout-items">see the summary</a>
      </p>

      <div className={styles.main}>
        {options.problem && <Alert tone="error">{options.problem}</Alert>}
        {formError && <Alert tone="error">{formError}</Alert>}
        <DeliveryAndPayment form={form} options={options} />
      </div>

      <div className={styles.side}>
        <section className={`card ${styles.summary}`} aria-labelledby="checkout-items">
          <h2 id="checkout-items" tabIndex={-1}>
            {count} · <Link href="/cart">change</Link>
          </h2>
          <ul className={styles.lines}>
            {cart.lines.map((line) => (
              <li key={line.sku} className={styles.line}>
                <ProductPicture pictureKey={line.pictureKey} name={line.name} variant="thumb" size={48} />
                <span className={styles.lineText}>
                  {line.quantity} × {line.name} <span className="field-hint">({line.sku})</span>
                </span>
                {'lineTotalMinor' in line && line.price && line.lineTotalMinor != null && (
                  <span className={styles.lineTotal}>{formatMoney(line.lineTotalMinor, line.price.currency)}</span>
                )}
              </li>
            ))}
          </ul>
          {subtotal && (
            <dl className="totals" data-testid="checkout-totals">
              <dt>Subtotal</dt>
              <dd>{formatMoney(subtotal.amountMinor, subtotal.currency as string)}</dd>
              {shipping?.cost && total !== null && (
                <>
                  <dt>Shipping</dt>
                  <dd>{formatMoney(shipping.cost.amountMinor, shipping.cost.currency)}</dd>
                  <dt>Total</dt>
                  <dd>
                    <strong>{formatMoney(total, shipping.cost.currency)}</strong>
                  </dd>
                </>
              )}
            </dl>
          )}

          <section aria-labelledby="checkout-approval" className={styles.approval}>
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
            className={`button button-primary ${styles.submit}`}
            disabled={
              submit.isPending || submit.isSuccess || Boolean(options.problem) || options.addresses.length === 0
            }
            aria-busy={submit.isPending || undefined}
          >
            {submit.isPending || submit.isSuccess ? 'Placing your order…' : 'Place order'}
          </Button>
        </section>
      </div>
    </form>
  );
}
