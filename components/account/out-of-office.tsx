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
import { setDelegationSchema, type SetDelegationInput } from '@/server/schemas/delegations';

type Delegation = NonNullable<RouterOutputs['delegations']['get']>;
type Option = RouterOutputs['delegations']['options'][number];

const FIELDS = ['delegateMembershipId', 'startsAt', 'endsAt'] as const;

const STATE_TEXT: Record<Delegation['state'], string> = {
  upcoming: 'Starts later',
  active: 'Under way',
  ended: 'Over',
};

/** The authorizer's out-of-office: who stands in and when, a form to set or change it, and a way to end it. */
export function OutOfOffice({
  current,
  options,
  today,
}: {
  current: Delegation | null;
  options: Option[];
  today: string;
}) {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      {notice && <Alert tone="success">{notice}</Alert>}
      {current ? (
        <CurrentDelegation
          delegation={current}
          onCleared={() => setNotice('Out of office cleared. New orders come to you alone again.')}
        />
      ) : (
        <p>You have no out-of-office set.</p>
      )}
      <section className="card" aria-labelledby="delegation-form-heading">
        <h2 id="delegation-form-heading">{current ? 'Change your out-of-office' : 'Set your out-of-office'}</h2>
        {options.length === 0 ? (
          <Alert tone="info">
            Nobody else in your organization may authorize orders, so nobody can stand in for you. Ask your
            administrator.
          </Alert>
        ) : (
          <DelegationForm
            key={current ? `${current.delegate.membershipId}:${current.startsAt}:${current.endsAt}` : 'none'}
            current={current}
            options={options}
            today={today}
            onSaved={(name) =>
              setNotice(`Saved. Orders that need your approval while you are away are also offered to ${name}.`)
            }
          />
        )}
      </section>
    </>
  );
}

function CurrentDelegation({ delegation, onCleared }: { delegation: Delegation; onCleared: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const clear = useMutation(
    trpc.delegations.clear.mutationOptions({
      onSuccess: () => {
        onCleared();
        router.refresh();
      },
    }),
  );
  return (
    <section className="card" aria-labelledby="current-delegation-heading">
      <h2 id="current-delegation-heading">Your out-of-office</h2>
      <dl className="definition-list">
        <dt>Stand-in</dt>
        <dd>{delegation.delegate.name}</dd>
        <dt>First day away</dt>
        <dd>{delegation.startsAt}</dd>
        <dt>Last day away</dt>
        <dd>{delegation.endsAt}</dd>
        <dt>Status</dt>
        <dd>
          <span className={delegation.state === 'active' ? 'badge badge-good' : 'badge'}>
            {STATE_TEXT[delegation.state]}
          </span>
        </dd>
      </dl>
      <p className="field-hint">
        Orders arriving for your approval in these days (UTC) are also offered to your stand-in, who decides on your
        behalf.
      </p>
      {clear.error && <Alert tone="error">{clear.error.message}</Alert>}
      <div className="actions">
        <Button
          className="button"
          disabled={clear.isPending}
          aria-busy={clear.isPending || undefined}
          onClick={() => clear.mutate()}
        >
          {clear.isPending ? 'Clearing…' : 'Clear out-of-office'}
        </Button>
      </div>
    </section>
  );
}

function DelegationForm({
  current,
  options,
  today,
  onSaved,
}: {
  current: Delegation | null;
  options: Option[];
  today: string;
  onSaved: (name: string) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { form, formError, setFormError, onServerError } = useServerForm<SetDelegationInput>({
    schema: setDelegationSchema,
    fields: FIELDS,
    defaultValues: {
      delegateMembershipId: current?.delegate.membershipId ?? '',
      startsAt: current?.startsAt ?? today,
      endsAt: current?.endsAt ?? today,
    },
  });
  const save = useMutation(
    trpc.delegations.set.mutationOptions({
      onMutate: () => setFormError(null),
      onSuccess: (saved) => {
        onSaved(saved.delegate.name);
        router.refresh();
      },
      onError: onServerError,
    }),
  );
  const { errors } = form.formState;
  return (
    <form
      className="form"
      noValidate
      aria-label="Out of office"
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <SelectField
        label="Stand-in"
        placeholder="Choose who decides while you are away"
        options={options.map((option) => ({ value: option.membershipId, label: option.name }))}
        error={errors.delegateMembershipId?.message}
        {...form.register('delegateMembershipId')}
      />
      <Field label="First day away" type="date" error={errors.startsAt?.message} {...form.register('startsAt')} />
      <Field
        label="Last day away"
        type="date"
        min={today}
        hint="At most 90 days after the first day."
        error={errors.endsAt?.message}
        {...form.register('endsAt')}
      />
      <div className="actions">
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          Save out-of-office
        </SubmitButton>
      </div>
    </form>
  );
}
