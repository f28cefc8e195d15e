'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import type { RouterOutputs } from '@/components/trpc/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { addressFields, type AddressFields } from '@/server/schemas/addresses';

type Address = RouterOutputs['addresses']['list'][number];
type Country = { value: string; label: string };
const FIELDS = [
  'label',
  'recipient',
  'addressLine1',
  'addressLine2',
  'city',
  'region',
  'postalCode',
  'country',
] as const;

/** The organization's ship-to addresses, each with its actions, and a form for a new one. */
export function AddressBook({ addresses, countries }: { addresses: Address[]; countries: Country[] }) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <>
      <section className="card" aria-labelledby="addresses-heading">
        <h2 id="addresses-heading">{addresses.length === 0 ? 'No addresses yet' : 'Addresses'}</h2>
        <ul className="plain-list address-list">
          {addresses.map((address) => (
            <li key={address.id} className="address-item">
              {editing === address.id ? (
                <AddressForm address={address} countries={countries} onDone={() => setEditing(null)} />
              ) : (
                <AddressSummary address={address} onEdit={() => setEditing(address.id)} />
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="new-address">
        <h2 id="new-address">Add an address</h2>
        <AddressForm countries={countries} />
      </section>
    </>
  );
}

function AddressSummary({ address, onEdit }: { address: Address; onEdit: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = { onSuccess: () => router.refresh() };
  const makeDefault = useMutation(trpc.addresses.makeDefault.mutationOptions(refresh));
  const setActive = useMutation(trpc.addresses.setActive.mutationOptions(refresh));
  const error = makeDefault.error ?? setActive.error;
  const pending = makeDefault.isPending || setActive.isPending;
  return (
    <article aria-label={address.label}>
      <h3>
        {address.label}
        {address.isDefault && <span className="badge"> Default</span>}
        {!address.active && <span className="badge"> Inactive</span>}
      </h3>
      <p>
        {address.lines.map((line, index) => (
          <span key={index}>
            {index > 0 && <br />}
            {line}
          </span>
        ))}
      </p>
      {error && <Alert tone="error">{error.message}</Alert>}
      <div className="actions">
        <Button className="button button-small" onClick={onEdit} aria-label={`Edit ${address.label}`}>
          Edit
        </Button>
        {address.active && !address.isDefault && (
          <Button
            className="button button-small"
            disabled={pending}
            onClick={() => makeDefault.mutate({ addressId: address.id })}
            aria-label={`Make ${address.label} the default`}
          >
            Make default
          </Button>
        )}
        <Button
          className="button button-small"
          disabled={pending}
          onClick={() => setActive.mutate({ addressId: address.id, active: !address.active })}
          aria-label={`${address.active ? 'Deactivate' : 'Reactivate'} ${address.label}`}
        >
          {address.active ? 'Deactivate' : 'Reactivate'}
        </Button>
      </div>
    </article>
  );
}

function AddressForm({ address, countries, onDone }: { address?: Address; countries: Country[]; onDone?: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const blank: AddressFields = {
    label: '',
    recipient: '',
    addressLine1: '',
    addressLine2: '',
    city: '',
    region: '',
    postalCode: '',
    country: 'US',
  };
  const { form, formError, setFormError, onServerError } = useServerForm<AddressFields>({
    schema: addressFields,
    fields: FIELDS,
    defaultValues: address
      ? { ...address, addressLine2: address.addressLine2 ?? '', region: address.region ?? '' }
      : blank,
  });
  const handlers = {
    onMutate: () => {
      setFormError(null);
      setSaved(false);
    },
    onSuccess: () => {
      setSaved(true);
      if (!address) form.reset(blank);
      router.refresh();
      onDone?.();
    },
    onError: onServerError,
  };
  const create = useMutation(trpc.addresses.create.mutationOptions(handlers));
  const update = useMutation(trpc.addresses.update.mutationOptions(handlers));
  const { errors } = form.formState;
  return (
    <form
      className="form"
      noValidate
      aria-label={address ? `Edit ${address.label}` : 'New address'}
      onSubmit={form.handleSubmit((values) =>
        address ? update.mutate({ ...values, addressId: address.id }) : create.mutate(values),
      )}
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      {saved && !address && <Alert tone="success">Address added. Checkout offers it from now on.</Alert>}
      <Field
        label="Name of the address"
        hint='Like "Head office" or "Warehouse East".'
        autoComplete="off"
        error={errors.label?.message}
        {...form.register('label')}
      />
      <Field
        label="Recipient"
        autoComplete="organization"
        error={errors.recipient?.message}
        {...form.register('recipient')}
      />
      <Field
        label="Street address"
        autoComplete="address-line1"
        error={errors.addressLine1?.message}
        {...form.register('addressLine1')}
      />
      <Field
        label="Address line 2 (optional)"
        autoComplete="address-line2"
        error={errors.addressLine2?.message}
        {...form.register('addressLine2')}
      />
      <Field label="City" autoComplete="address-level2" error={errors.city?.message} {...form.register('city')} />
      <Field
        label="State or region (optional)"
        autoComplete="address-level1"
        error={errors.region?.message}
        {...form.register('region')}
      />
      <Field
        label="Postal code"
        autoComplete="postal-code"
        error={errors.postalCode?.message}
        {...form.register('postalCode')}
      />
      <SelectField label="Country" options={countries} error={errors.country?.message} {...form.register('country')} />
      <div className="actions">
        <SubmitButton pending={create.isPending || update.isPending}>
          {address ? 'Save address' : 'Add address'}
        </SubmitButton>
        {onDone && (
          <Button className="button" onClick={onDone}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
