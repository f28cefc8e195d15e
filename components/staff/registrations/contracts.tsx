'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { contractSchema, type ContractInput } from '@/server/schemas/onboarding';
import { Button } from '@/components/ui/button';

type Contract = {
  id: string;
  name: string;
  priceListName: string | null;
  discountBasisPoints: number | null;
  validFrom: string;
  validTo: string | null;
};

const FIELDS = ['name', 'priceListId', 'discountPercent', 'validFrom', 'validTo'] as const;

export function Contracts(props: {
  organizationId: string;
  contracts: Contract[];
  priceLists: { id: string; name: string }[];
  editable: boolean;
  today: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useMutation(trpc.registrations.removeContract.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <>
      {props.contracts.length === 0 ? (
        <p>No contracts yet.</p>
      ) : (
        <ul>
          {props.contracts.map((contract) => (
            <li key={contract.id}>
              <strong>{contract.name}</strong>: {contract.priceListName ?? 'no price list'}
              {contract.discountBasisPoints !== null &&
                `, ${(contract.discountBasisPoints / 100).toFixed(2)} % discount`}
              , valid {contract.validFrom} to {contract.validTo ?? 'open end'}{' '}
              {props.editable && (
                <Button
                  type="button"
                  className="button button-small"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ contractId: contract.id })}
                >
                  Remove {contract.name}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {remove.error && <Alert tone="error">{remove.error.message}</Alert>}
      {props.editable && (
        <AddContractForm organizationId={props.organizationId} priceLists={props.priceLists} today={props.today} />
      )}
    </>
  );
}

function AddContractForm({
  organizationId,
  priceLists,
  today,
}: {
  organizationId: string;
  priceLists: { id: string; name: string }[];
  today: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { form, formError, setFormError, onServerError } = useServerForm<ContractInput>({
    schema: contractSchema,
    fields: FIELDS,
    defaultValues: { organizationId, name: '', priceListId: '', discountPercent: '', validFrom: today, validTo: '' },
  });
  const add = useMutation(
    trpc.registrations.addContract.mutationOptions({
      onMutate: () => setFormError(null),
      onSuccess: () => {
        form.reset({ organizationId, name: '', priceListId: '', discountPercent: '', validFrom: today, validTo: '' });
        router.refresh();
      },
      onError: onServerError,
    }),
  );
  const errors = form.formState.errors;
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit((values) => add.mutate(values))}
      aria-label="Add a contract"
    >
      <h3>Add a contract</h3>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field label="Contract name" error={errors.name?.message} {...form.register('name')} />
      <SelectField
        label="Price list"
        placeholder="No price list"
        options={priceLists.map((list) => ({ value: list.id, label: list.name }))}
        error={errors.priceListId?.message}
        {...form.register('priceListId')}
      />
      <Field
        label="Discount (%)"
        inputMode="decimal"
        hint="Optional, like 2.5."
        error={errors.discountPercent?.message}
        {...form.register('discountPercent')}
      />
      <Field label="Valid from" type="date" error={errors.validFrom?.message} {...form.register('validFrom')} />
      <Field label="Valid to (optional)" type="date" error={errors.validTo?.message} {...form.register('validTo')} />
      <SubmitButton pending={add.isPending}>Add contract</SubmitButton>
    </form>
  );
}
