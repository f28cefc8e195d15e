'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { saveTemplateSchema, type SaveTemplateInput } from '@/server/schemas/order-history';
import { cartAfterRefill } from './refill-link';

/** Adds every line of the template still sold to the cart, then shows the cart. */
export function AddTemplateToCart({
  templateId,
  name,
  small = false,
}: {
  templateId: string;
  name: string;
  small?: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const add = useMutation(
    trpc.orderTemplates.addToCart.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.cart.get.queryKey() });
        router.push(cartAfterRefill(`template “${result.name}”`, result));
      },
    }),
  );
  return (
    <>
      <Button
        className={`button button-primary${small ? ' button-small' : ''}`}
        disabled={add.isPending || add.isSuccess}
        onClick={() => add.mutate({ templateId })}
        aria-label={`Add “${name}” to the cart`}
      >
        {add.isPending ? 'Adding…' : 'Add to cart'}
      </Button>
      {add.error && <Alert tone="error">{add.error.message}</Alert>}
    </>
  );
}

export function RenameTemplate({ templateId, name }: { templateId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { form, formError, setFormError, onServerError } = useServerForm<SaveTemplateInput>({
    schema: saveTemplateSchema,
    fields: ['name'],
    defaultValues: { name },
  });
  const rename = useMutation(
    trpc.orderTemplates.rename.mutationOptions({
      onMutate: () => setFormError(null),
      onSuccess: () => router.refresh(),
      onError: onServerError,
    }),
  );
  return (
    <form
      className="form"
      noValidate
      aria-label="Rename the template"
      onSubmit={form.handleSubmit((values) => rename.mutate({ templateId, name: values.name }))}
    >
      {rename.isSuccess && <Alert tone="success">Renamed to “{rename.data.name}”.</Alert>}
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field
        label="Name"
        maxLength={100}
        autoComplete="off"
        error={form.formState.errors.name?.message}
        {...form.register('name')}
      />
      <SubmitButton pending={rename.isPending} pendingLabel="Renaming…">
        Rename
      </SubmitButton>
    </form>
  );
}

export function DeleteTemplate({ templateId, name }: { templateId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(
    trpc.orderTemplates.delete.mutationOptions({
      onSuccess: (deleted) => router.push(`/templates?${new URLSearchParams({ deleted: deleted.name })}`),
    }),
  );
  if (!confirming) {
    return (
      <div className="actions">
        <Button className="button" onClick={() => setConfirming(true)}>
          Delete template…
        </Button>
      </div>
    );
  }
  return (
    <div className="form">
      <p>Delete the template “{name}”? Orders placed from it are not affected.</p>
      {remove.error && <Alert tone="error">{remove.error.message}</Alert>}
      <div className="actions">
        <Button
          className="button button-primary"
          disabled={remove.isPending || remove.isSuccess}
          onClick={() => remove.mutate({ templateId })}
        >
          {remove.isPending ? 'Deleting…' : 'Yes, delete it'}
        </Button>
        <Button className="button" disabled={remove.isPending} onClick={() => setConfirming(false)}>
          Keep it
        </Button>
      </div>
    </div>
  );
}
