'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import {
  countStockSchema,
  receiveStockSchema,
  type CountStockInput,
  type ReceiveStockInput,
} from '@/server/schemas/catalog';
import styles from './catalog.module.css';

type CenterStock = {
  centerId: string;
  code: string;
  name: string;
  onHand: number;
  allocated: number;
  available: number;
  version: number;
};

/** Stock per fulfillment center: record goods received, or correct on hand after a count. */
export function StockEditor({ productId, stock }: { productId: string; stock: CenterStock[] }) {
  const [done, setDone] = useState<string | null>(null);
  if (stock.length === 0) return <p>There are no fulfillment centers yet.</p>;
  return (
    <>
      {done && <Alert tone="success">{done}</Alert>}
      <div className={styles.stockGrid}>
        {stock.map((center) => (
          // A new version (after any change) remounts the forms, so a count always carries the version shown.
          <section
            key={`${center.centerId}:${center.version}`}
            className="card"
            aria-labelledby={`center-${center.code}`}
          >
            <h3 id={`center-${center.code}`}>
              {center.name} ({center.code})
            </h3>
            <dl className="definition-list">
              <dt>On hand</dt>
              <dd>{center.onHand.toLocaleString('en-US')}</dd>
              <dt>Allocated</dt>
              <dd>{center.allocated.toLocaleString('en-US')}</dd>
              <dt>Available</dt>
              <dd>{center.available.toLocaleString('en-US')}</dd>
            </dl>
            <ReceiveForm productId={productId} center={center} onDone={setDone} />
            <CountForm productId={productId} center={center} onDone={setDone} />
          </section>
        ))}
      </div>
    </>
  );
}

type FormProps = { productId: string; center: CenterStock; onDone: (message: string) => void };

function ReceiveForm({ productId, center, onDone }: FormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const { form, formError, setFormError, onServerError } = useServerForm<ReceiveStockInput>({
    schema: receiveStockSchema,
    fields: ['quantity'],
    defaultValues: { productId, fulfillmentCenterId: center.centerId },
  });
  const receive = useMutation(
    trpc.staffCatalog.receiveStock.mutationOptions({
      onMutate: () => setFormError(null),
      onSuccess: (result, input) => {
        onDone(
          `Recorded ${input.quantity.toLocaleString('en-US')} received at ${center.code}: ${result.onHand.toLocaleString('en-US')} on hand, ${result.available.toLocaleString('en-US')} available.`,
        );
        router.refresh();
      },
      onError: onServerError,
    }),
  );
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit((values) => receive.mutate(values))}
      aria-label={`Record received stock at ${center.code}`}
    >
      <h4>Record received stock</h4>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field
        label={`Quantity received at ${center.code}`}
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        error={form.formState.errors.quantity?.message}
        {...form.register('quantity', { valueAsNumber: true })}
      />
      <SubmitButton pending={receive.isPending} pendingLabel="Recording…">
        Record receipt
      </SubmitButton>
    </form>
  );
}

function CountForm({ productId, center, onDone }: FormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const { form, formError, setFormError, onServerError } = useServerForm<CountStockInput>({
    schema: countStockSchema,
    fields: ['onHand'],
    defaultValues: {
      productId,
      fulfillmentCenterId: center.centerId,
      onHand: center.onHand,
      expectedVersion: center.version,
    },
  });
  const count = useMutation(
    trpc.staffCatalog.countStock.mutationOptions({
      onMutate: () => setFormError(null),
      onSuccess: (result) => {
        onDone(
          `Count saved at ${center.code}: ${result.onHand.toLocaleString('en-US')} on hand, ${result.available.toLocaleString('en-US')} available.`,
        );
        router.refresh();
      },
      onError: onServerError,
    }),
  );
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit((values) => count.mutate(values))}
      aria-label={`Correct on hand at ${center.code}`}
    >
      <h4>Correct on hand after a count</h4>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field
        label={`Counted on hand at ${center.code}`}
        type="number"
        inputMode="numeric"
        min={center.allocated}
        step={1}
        hint={
          center.allocated > 0
            ? `At least ${center.allocated.toLocaleString('en-US')}: that many are allocated to orders.`
            : undefined
        }
        error={form.formState.errors.onHand?.message}
        {...form.register('onHand', { valueAsNumber: true })}
      />
      <SubmitButton pending={count.isPending} pendingLabel="Saving…">
        Save count
      </SubmitButton>
    </form>
  );
}
