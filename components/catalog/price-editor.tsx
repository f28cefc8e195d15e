'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { formatMoney, minorToInput } from './money';
import { useFieldState } from '@/components/ui/use-field-state';

type ListPrice = { id: string; name: string; currency: string; unitPriceMinor: number | null };

/** The product's price in each price list; an empty price takes it out of that list. */
export function PriceEditor({ productId, prices }: { productId: string; prices: ListPrice[] }) {
  if (prices.length === 0) return <p>There are no price lists yet.</p>;
  return (
    <div className="grid">
      {prices.map((list) => (
        <ListPriceForm key={list.id} productId={productId} list={list} />
      ))}
    </div>
  );
}

function ListPriceForm({ productId, list }: { productId: string; list: ListPrice }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [value, setValue, valueRef] = useFieldState<HTMLInputElement>(
    list.unitPriceMinor === null ? '' : minorToInput(list.unitPriceMinor, list.currency),
  );
  const save = useMutation(trpc.staffCatalog.setPrice.mutationOptions({ onSuccess: () => router.refresh() }));
  const fieldError = save.error?.data?.fieldErrors?.unitPrice?.[0];
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ productId, priceListId: list.id, unitPrice: value.trim() });
  };
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-label={`Price in ${list.name}`}>
      <Field
        label={`Unit price in ${list.name} (${list.currency})`}
        inputMode="decimal"
        autoComplete="off"
        ref={valueRef}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        hint={
          list.unitPriceMinor === null
            ? 'Not in this list: buyers on it see "price on request".'
            : `Now ${formatMoney(list.unitPriceMinor, list.currency)}. Empty the field to take it out of the list.`
        }
        error={fieldError}
      />
      {save.isSuccess && <Alert tone="success">Price saved.</Alert>}
      {save.error && !fieldError && <Alert tone="error">{save.error.message}</Alert>}
      <SubmitButton pending={save.isPending} pendingLabel="Saving…">
        Save price
      </SubmitButton>
    </form>
  );
}
