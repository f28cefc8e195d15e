'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useState, type ReactNode } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import type { RouterOutputs } from '@/components/trpc/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { formatMoney } from '@/components/catalog/money';
import { ProductPicture } from '@/components/catalog/product-picture';
import { TextareaField } from '@/components/ui/textarea-field';
import styles from './cart.module.css';

type Cart = RouterOutputs['cart']['get'];
type Line = Cart['lines'][number];

/**
 * The cart: a summary with the subtotal and Go to checkout first (beside the lines on a desktop,
 * above them on a phone), then the lines, then quick order by SKU and the other tools (`children`).
 */
export function CartView({ children }: { children?: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cart = useQuery(trpc.cart.get.queryOptions());
  const setCart = (next: Cart) => queryClient.setQueryData(trpc.cart.get.queryKey(), next);
  const setQuantity = useMutation(trpc.cart.setQuantity.mutationOptions({ onSuccess: setCart }));
  const clear = useMutation(trpc.cart.clear.mutationOptions({ onSuccess: setCart }));

  if (cart.isPending) return <p role="status">Loading your cart…</p>;
  if (cart.error) return <Alert tone="error">{cart.error.message}</Alert>;
  const data = cart.data;
  const count = `${data.itemCount} ${data.itemCount === 1 ? 'item' : 'items'}`;
  return (
    <div className={styles.layout}>
      {data.lines.length > 0 && (
        <section className={`card ${styles.summary}`} aria-labelledby="cart-summary">
          {/* For the outline of a screen reader; the count says the same on screen. */}
          <h2 id="cart-summary" className="skip-link">
            Summary
          </h2>
          <p className={styles.summaryCount}>{count}</p>
          {'subtotal' in data && data.subtotal && (
            <p className="cart-subtotal" data-testid="cart-subtotal">
              {'amountMinor' in data.subtotal && data.subtotal.currency
                ? `Subtotal: ${formatMoney(data.subtotal.amountMinor, data.subtotal.currency)}`
                : 'problem' in data.subtotal && data.subtotal.problem}
            </p>
          )}
          <Link className={`button button-primary ${styles.checkout}`} href="/checkout">
            Go to checkout
          </Link>
        </section>
      )}
      <section className={`card ${styles.lines}`} aria-labelledby="cart-lines">
        <h2 id="cart-lines">{data.lines.length === 0 ? 'Your cart is empty' : `${count} in your cart`}</h2>
        {data.lines.length === 0 && (
          <p>
            Find products in the <Link href="/catalog">catalog</Link>, or paste SKUs below.
          </p>
        )}
        {setQuantity.error && <Alert tone="error">{setQuantity.error.message}</Alert>}
        <ul className="cart-lines">
          {data.lines.map((line) => (
            // Keyed by quantity too: when the cart changes elsewhere (quick order), the box shows the new number.
            <CartLineRow
              key={`${line.sku}:${line.quantity}`}
              line={line}
              pending={setQuantity.isPending}
              onQuantity={(quantity) => setQuantity.mutate({ sku: line.sku, quantity })}
            />
          ))}
        </ul>
        {data.lines.length > 0 && (
          <div className={`actions ${styles.empty}`}>
            <Button className={`button ${styles.lineButton}`} disabled={clear.isPending} onClick={() => clear.mutate()}>
              Empty the cart
            </Button>
          </div>
        )}
      </section>
      <div className={styles.tools}>
        <QuickOrder onCart={setCart} />
        {children}
      </div>
    </div>
  );
}

function CartLineRow({
  line,
  pending,
  onQuantity,
}: {
  line: Line;
  pending: boolean;
  onQuantity: (quantity: number) => void;
}) {
  const id = useId();
  const [quantity, setQuantity] = useState(String(line.quantity));
  return (
    <li className={`cart-line ${styles.line}`}>
      <ProductPicture pictureKey={line.pictureKey} name={line.name} variant="thumb" size={56} />
      <div className={styles.lineText}>
        <Link href={`/catalog/${encodeURIComponent(line.sku)}`}>{line.name}</Link>
        <div className="field-hint">
          {line.sku} · {line.unit}
          {!line.active && ' · no longer sold'}
          {'stock' in line && line.stock && ` · ${line.stock.available} available`}
        </div>
        {'price' in line && (
          <div>
            {line.price
              ? `${formatMoney(line.price.unitPriceMinor, line.price.currency)} each · ${formatMoney(line.lineTotalMinor ?? 0, line.price.currency)}`
              : 'Price on request'}
          </div>
        )}
      </div>
      <form
        className={`actions ${styles.lineForm}`}
        onSubmit={(event) => {
          event.preventDefault();
          const next = Number(quantity);
          if (Number.isInteger(next) && next >= 0) onQuantity(next);
        }}
      >
        <label htmlFor={id} className="skip-link">
          Quantity of {line.name}
        </label>
        <input
          id={id}
          className={`quantity-input ${styles.quantity}`}
          type="number"
          inputMode="numeric"
          min={0}
          max={9999}
          value={quantity}
          onChange={(event) => setQuantity(event.target.value)}
        />
        <Button type="submit" className={`button button-small ${styles.lineButton}`} disabled={pending}>
          Update
        </Button>
        <Button
          className={`button button-small ${styles.lineButton}`}
          disabled={pending}
          onClick={() => onQuantity(0)}
          aria-label={`Remove ${line.name}`}
        >
          Remove
        </Button>
      </form>
    </li>
  );
}

function QuickOrder({ onCart }: { onCart: (cart: Cart) => void }) {
  const trpc = useTRPC();
  const [lines, setLines] = useState('');
  const quick = useMutation(
    trpc.cart.quickOrder.mutationOptions({
      onSuccess: (result) => {
        onCart(result.cart);
        if (result.problems.length === 0) setLines('');
      },
    }),
  );
  return (
    <section className="card" aria-labelledby="quick-order">
      <h2 id="quick-order">Quick order</h2>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          quick.mutate({ lines });
        }}
      >
        <TextareaField
          label="SKUs and quantities"
          hint='One per line, like "PEN-100 12". Paste from a spreadsheet if you like.'
          rows={5}
          maxLength={5000}
          value={lines}
          onChange={(event) => setLines(event.target.value)}
          error={quick.error?.data?.fieldErrors?.lines?.[0] ?? quick.error?.message}
        />
        {quick.data && (
          <Alert tone={quick.data.problems.length ? 'error' : 'success'}>
            {quick.data.added} {quick.data.added === 1 ? 'line' : 'lines'} added.
            {quick.data.problems.length > 0 && (
              <ul>
                {quick.data.problems.map((problem) => (
                  <li key={`${problem.line}-${problem.text}`}>
                    Line {problem.line}: {problem.message}
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        )}
        <div className="actions">
          <Button type="submit" className="button button-primary" disabled={quick.isPending}>
            {quick.isPending ? 'Adding…' : 'Add to cart'}
          </Button>
        </div>
      </form>
    </section>
  );
}
