'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { saveTemplateSchema, type SaveTemplateInput } from '@/server/schemas/order-history';
import styles from './orders.module.css';

/** On the cart page, above everything: what a reorder or a template just put into the cart. */
export function CartRefillNotice() {
  return (
    <Suspense fallback={null}>
      <RefillNotice />
    </Suspense>
  );
}

/** On the cart page, after the items: "Save this cart as a template". */
export function CartTemplateTools() {
  return (
    <div className={styles.tools}>
      <SaveCartAsTemplate />
    </div>
  );
}

function RefillNotice() {
  const params = useSearchParams();
  const source = params.get('refilled');
  if (!source) return null;
  const added = Number(params.get('added')) || 0;
  const skipped = (params.get('skipped') ?? '').split(',').filter(Boolean);
  return (
    // A status either way (not an alert): the refill happened; some lines may have been left out.
    <div className={`alert ${skipped.length > 0 ? 'alert-info' : 'alert-success'}`} role="status">
      {added === 0
        ? `Nothing from ${source} could be added to your cart.`
        : `${added} ${added === 1 ? 'product' : 'products'} from ${source} added to your cart, at today’s prices.`}
      {skipped.length > 0 && ` Not added: ${skipped.join(', ')} — no longer sold, or the cart would exceed its limits.`}
    </div>
  );
}

function SaveCartAsTemplate() {
  const trpc = useTRPC();
  const cart = useQuery(trpc.cart.get.queryOptions());
  const { form, formError, setFormError, onServerError } = useServerForm<SaveTemplateInput>({
    schema: saveTemplateSchema,
    fields: ['name'],
    defaultValues: { name: '' },
  });
  const save = useMutation(
    trpc.orderTemplates.saveCart.mutationOptions({
      onMutate: () => setFormError(null),
      onSuccess: () => form.reset(),
      onError: onServerError,
    }),
  );
  if (!cart.data || (cart.data.lines.length === 0 && !save.data)) return null;
  return (
    <section className="card" aria-labelledby="save-template">
      <details open={Boolean(save.data) || undefined}>
        <summary id="save-template">Save this cart as a template</summary>
        <form
          className="form"
          noValidate
          aria-label="Save this cart as a template"
          onSubmit={form.handleSubmit((values) => save.mutate(values))}
        >
          {save.data && (
            <Alert tone="success">
              Saved as “{save.data.name}”. <Link href={`/templates/${save.data.id}`}>Open the template</Link>
            </Alert>
          )}
          {formError && <Alert tone="error">{formError}</Alert>}
          <Field
            label="Template name"
            hint="For example “Weekly office supplies”."
            maxLength={100}
            autoComplete="off"
            error={form.formState.errors.name?.message}
            {...form.register('name')}
          />
          <SubmitButton pending={save.isPending} pendingLabel="Saving…">
            Save as template
          </SubmitButton>
        </form>
      </details>
    </section>
  );
}
