'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useId } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Button } from '@/components/ui/button';
import { useFieldState } from '@/components/ui/use-field-state';
import styles from './add-to-cart.module.css';

/**
 * Quantity and "Add to cart", on a product page and on each card of the catalog list. The
 * confirmation lives in a status region that is always there, so screen readers announce it.
 */
export function AddToCart({ sku, name, compact = false }: { sku: string; name: string; compact?: boolean }) {
  const trpc = useTRPC();
  const id = useId();
  const [quantity, setQuantity, quantityRef] = useFieldState<HTMLInputElement>('1');
  const add = useMutation(trpc.cart.add.mutationOptions());
  const error = add.error?.data?.fieldErrors?.quantity?.[0] ?? add.error?.message;
  const added = add.isSuccess ? add.variables.quantity : null;
  return (
    <form
      className={compact ? styles.compact : styles.form}
      noValidate
      aria-label={`Add ${name} to the cart`}
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate({ sku, quantity: Number(quantity) });
      }}
    >
      <div className={styles.row}>
        <label htmlFor={id} className={styles.label}>
          Quantity
        </label>
        <input
          ref={quantityRef}
          id={id}
          className={styles.quantity}
          type="number"
          inputMode="numeric"
          min={1}
          max={9999}
          value={quantity}
          onChange={(event) => setQuantity(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <Button type="submit" className={`button button-primary ${styles.submit}`} disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add to cart'}
        </Button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <p role="status" className={styles.status}>
        {added !== null && (
          <>
            Added {added} × {name}. <Link href="/cart">Open the cart</Link>
          </>
        )}
      </p>
    </form>
  );
}
