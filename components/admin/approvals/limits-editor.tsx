'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formatMoney, minorToInput } from '@/components/catalog/money';
import { useTRPC } from '@/components/trpc/provider';
import type { RouterOutputs } from '@/components/trpc/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { LIMIT_PERIODS } from '@/server/domain/approvals/evaluate';
import { limitFields, type LimitFields } from '@/server/schemas/approvals-admin';
import { either, limitTiersInWords, PERIOD_LABELS } from './words';

type Limits = RouterOutputs['spendingLimits']['list'];
type Entry = Limits['entries'][number];

const FIELDS = ['limit', 'period', 'authorizerMembershipIds'] as const;

/** A sub-account's spending limits: the tiers in words, each entry to edit or remove, and a form for a new one. */
export function LimitsEditor({ limits }: { limits: Limits }) {
  const [editing, setEditing] = useState<string | null>(null);
  const { member, currency, entries } = limits;
  return (
    <>
      <section className="card" aria-labelledby="tiers">
        <h2 id="tiers">How {member.name}’s orders are approved</h2>
        {!member.hasLimitedBudget && (
          <Alert tone="info">
            {member.name} does not have a limited budget, so these limits do not apply. Tick “Has limited budget” on
            their account to use them.
          </Alert>
        )}
        <p>
          <strong>{limitTiersInWords(entries, currency)}</strong>
        </p>
        <p className="field-hint">
          Above each limit one of its authorizers approves; above several limits, each in turn, lowest first. The
          organization’s approval rules come after these.
        </p>
        {entries.length > 0 && (
          <ul className="plain-list" aria-label="Spending limits">
            {entries.map((entry) => (
              <li key={entry.id} className="card">
                {editing === entry.id ? (
                  <LimitForm limits={limits} entry={entry} onDone={() => setEditing(null)} />
                ) : (
                  <EntrySummary entry={entry} currency={currency} onEdit={() => setEditing(entry.id)} />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {member.hasLimitedBudget && (
        <section className="card" aria-labelledby="new-limit">
          <h2 id="new-limit">Add a spending limit</h2>
          <LimitForm limits={limits} />
        </section>
      )}
    </>
  );
}

function EntrySummary({ entry, currency, onEdit }: { entry: Entry; currency: string; onEdit: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(
    trpc.spendingLimits.delete.mutationOptions({
      onSuccess: () => router.refresh(),
      onSettled: () => setConfirming(false),
    }),
  );
  const title = `Over ${formatMoney(entry.limitMinor, currency)} ${entry.period === 'month' ? 'in a calendar month' : 'per order'}`;
  return (
    <article aria-label={title}>
      <h3 style={{ marginTop: 0 }}>{title}</h3>
      <p>Approved by {either(entry.authorizers.map((person) => person.name)) || 'nobody'}.</p>
      {remove.error && <Alert tone="error">{remove.error.message}</Alert>}
      <div className="actions">
        <Button className="button button-small" onClick={onEdit} aria-label={`Edit the limit ${title.toLowerCase()}`}>
          Edit
        </Button>
        {confirming ? (
          <>
            <span>Remove this limit?</span>
            <Button
              className="button button-small button-primary"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ limitId: entry.id })}
            >
              Yes, remove it
            </Button>
            <Button className="button button-small" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </>
        ) : (
          <Button
            className="button button-small"
            onClick={() => setConfirming(true)}
            aria-label={`Remove the limit ${title.toLowerCase()}`}
          >
            Remove
          </Button>
        )}
      </div>
    </article>
  );
}

function LimitForm({ limits, entry, onDone }: { limits: Limits; entry?: Entry; onDone?: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [added, setAdded] = useState(false);
  const blank: LimitFields = { limit: '', period: 'order', authorizerMembershipIds: [] };
  const { form, formError, setFormError, onServerError } = useServerForm<LimitFields>({
    schema: limitFields,
    fields: FIELDS,
    defaultValues: entry
      ? {
          limit: minorToInput(entry.limitMinor, limits.currency),
          period: entry.period,
          authorizerMembershipIds: entry.authorizers.map((person) => person.membershipId),
        }
      : blank,
  });
  const handlers = {
    onMutate: () => {
      setFormError(null);
      setAdded(false);
    },
    onSuccess: () => {
      if (!entry) {
        form.reset(blank);
        setAdded(true);
      }
      router.refresh();
      onDone?.();
    },
    onError: onServerError,
  };
  const create = useMutation(trpc.spendingLimits.create.mutationOptions(handlers));
  const update = useMutation(trpc.spendingLimits.update.mutationOptions(handlers));
  const errors = form.formState.errors;
  // Someone already on the entry stays listed even if they could no longer be chosen.
  const people = [
    ...limits.authorizerOptions.map((option) => ({
      membershipId: option.membershipId,
      name: option.name,
      unitName: option.unitName,
    })),
  ];
  for (const person of entry?.authorizers ?? [])
    if (!people.some((option) => option.membershipId === person.membershipId))
      people.push({ ...person, unitName: 'no longer may authorize' });
  const errorId = entry ? `authorizers-error-${entry.id}` : 'authorizers-error-new';

  return (
    <form
      className="form"
      noValidate
      aria-label={entry ? 'Edit spending limit' : 'New spending limit'}
      onSubmit={form.handleSubmit((values) =>
        entry
          ? update.mutate({ ...values, limitId: entry.id })
          : create.mutate({ ...values, membershipId: limits.member.membershipId }),
      )}
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      {added && <Alert tone="success">Spending limit added.</Alert>}
      <Field
        label="Limit"
        inputMode="decimal"
        autoComplete="off"
        hint={`In ${limits.currency}. Orders above it need one of the authorizers below.`}
        error={errors.limit?.message}
        {...form.register('limit')}
      />
      <SelectField
        label="Counted"
        options={LIMIT_PERIODS.map((period) => ({ value: period, label: PERIOD_LABELS[period] }))}
        error={errors.period?.message}
        {...form.register('period')}
      />
      <fieldset className="fieldset" aria-describedby={errors.authorizerMembershipIds ? errorId : undefined}>
        <legend>Authorizers (any one of them approves)</legend>
        {people.length === 0 && (
          <p>Nobody may authorize orders yet. Tick “May authorize orders” on someone’s account first.</p>
        )}
        {people.map((person) => (
          <label key={person.membershipId} className="checkbox">
            <input type="checkbox" value={person.membershipId} {...form.register('authorizerMembershipIds')} />{' '}
            {person.name}
            <span className="field-hint"> · {person.unitName}</span>
          </label>
        ))}
        {errors.authorizerMembershipIds && (
          <p id={errorId} className="field-error">
            {errors.authorizerMembershipIds.message}
          </p>
        )}
      </fieldset>
      <div className="actions">
        <SubmitButton pending={create.isPending || update.isPending}>{entry ? 'Save limit' : 'Add limit'}</SubmitButton>
        {onDone && (
          <Button className="button" onClick={onDone}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
