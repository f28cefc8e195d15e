'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatMoney } from '@/components/catalog/money';
import { useTRPC } from '@/components/trpc/provider';
import type { RouterOutputs } from '@/components/trpc/types';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import { useServerForm, type ServerError } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { tryItSchema, type TryItInput } from '@/server/schemas/approvals-admin';
import { approvalInWords } from './words';

type Answer = RouterOutputs['approvalRules']['tryIt'];
type Requester = { membershipId: string; name: string; unitName: string };

const FIELDS = ['requesterMembershipId', 'amount', 'itemCount', 'skuCount', 'shipping'] as const;

/**
 * "Try it": an order as the checkout would price it and a requester → what the checkout would say,
 * asked of the same policy on the server (the requester's limits, their month so far, the active rules).
 */
export function TryIt({ requesters, currency }: { requesters: Requester[]; currency: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [pending, setPending] = useState(false);
  const { form, formError, setFormError, onServerError } = useServerForm<TryItInput>({
    schema: tryItSchema,
    fields: FIELDS,
    defaultValues: { requesterMembershipId: '', amount: '', itemCount: '1', skuCount: '', shipping: '' },
  });
  const errors = form.formState.errors;

  const ask = form.handleSubmit(async (values) => {
    setPending(true);
    setFormError(null);
    try {
      // Always fresh: a rule saved a moment ago must count.
      setAnswer(
        await queryClient.fetchQuery({ ...trpc.approvalRules.tryIt.queryOptions(values), staleTime: 0, retry: false }),
      );
    } catch (error) {
      setAnswer(null);
      onServerError(error as ServerError);
    } finally {
      setPending(false);
    }
  });

  return (
    <>
      <form className="form" noValidate onSubmit={ask} aria-label="Try the rules">
        {formError && <Alert tone="error">{formError}</Alert>}
        <SelectField
          label="Requester"
          placeholder="Choose a member"
          options={requesters.map((person) => ({
            value: person.membershipId,
            label: `${person.name} · ${person.unitName}`,
          }))}
          error={errors.requesterMembershipId?.message}
          {...form.register('requesterMembershipId')}
        />
        <Field
          label="Order total"
          inputMode="decimal"
          autoComplete="off"
          hint={`In ${currency}, shipping included, like 12,500.00.`}
          error={errors.amount?.message}
          {...form.register('amount')}
        />
        <Field
          label="Item quantity"
          inputMode="numeric"
          autoComplete="off"
          error={errors.itemCount?.message}
          {...form.register('itemCount')}
        />
        <Field
          label="Distinct SKUs (optional)"
          inputMode="numeric"
          autoComplete="off"
          hint="1 when left empty."
          error={errors.skuCount?.message}
          {...form.register('skuCount')}
        />
        <Field
          label="Shipping cost (optional)"
          inputMode="decimal"
          autoComplete="off"
          hint="0 when left empty."
          error={errors.shipping?.message}
          {...form.register('shipping')}
        />
        <SubmitButton pending={pending} pendingLabel="Asking…">
          Try it
        </SubmitButton>
      </form>
      {answer && (
        <div className="card" role="status" aria-label="Result" style={{ marginTop: '1rem' }}>
          <p>
            <strong>{approvalInWords(answer.steps)}</strong>
          </p>
          {answer.undecidable && (
            <p className="field-error">
              Nobody could give one of these approvals: the checkout would refuse this order until someone is named who
              may authorize orders.
            </p>
          )}
          <p className="field-hint">
            For {answer.requester}, as the checkout would answer now
            {answer.monthToDateMinor > 0
              ? `, counting ${formatMoney(answer.monthToDateMinor, answer.currency)} already ordered this month`
              : ''}
            .
          </p>
        </div>
      )}
    </>
  );
}
