'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useId } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFieldState } from '@/components/ui/use-field-state';

/** Quantity and "Add to cart" on a product page. */
export function AddToCart({ sku, name }: { sku: string; name: string }) {
  const trpc = useTRPC();
  const id = useId();
  const [quantity, setQuantity, quantityRef] = useFieldState<HTMLInputElement>('1');
  const add = useMutation(trpc.cart.add.mutationOptions());
  const error = add.error?.data?.fieldErrors?.quantity?.[0] ?? add.error?.message;
  return (
    <form
      className="form"
      noValidate
      aria-label={`Add ${name} to the cart`}
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate({ sku, quantity: Number(quantity) });
      }}
    >
      <div className="actions">
        <label htmlFor={id}>Quantity</label>
        <input
          ref={quantityRef}
          id={id}
          className="quantity-input"
          type="number"
          inputMode="numeric"
          min={1}
          max={9999}
          value={quantity}
          onChange={(event) => setQuantity(event.target.value)}
          aria-invalid={error ? true : undefined}
        />
        <Button type="submit" className="button button-primary" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add to cart'}
        </Button>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {add.isSuccess && (
        <Alert tone="success">
          Added. <Link href="/cart">Open the cart</Link>
        </Alert>
      )}
    </form>
  );
}
