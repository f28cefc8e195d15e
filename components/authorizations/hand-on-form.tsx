'use client';

import { useEffect, useRef, useState } from 'react';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { useAction } from '@/components/ui/use-action';
import { handStepOn } from './approval-extras-actions';

type Option = { membershipId: string; name: string };

/**
 * Choose who takes the step and say why. Once handed on, the order has left this authorizer's
 * inbox: the page is not reloaded (they may no longer open it), the outcome says so instead.
 */
export function HandOnForm({ number, options }: { number: string; options: Option[] }) {
  const handOn = useAction(handStepOn);
  const [handedTo, setHandedTo] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (handedTo) doneRef.current?.focus();
  }, [handedTo]);
  const fieldErrors = handOn.error?.fieldErrors;
  const refusal = handOn.error && !fieldErrors?.toMembershipId && !fieldErrors?.note ? handOn.error.message : null;

  if (handedTo)
    return (
      <div ref={doneRef} tabIndex={-1}>
        <Alert tone="success">
          Order {number} is now with {handedTo}; it has left your inbox.{' '}
          <Link href="/authorizations" className="link-target">
            Back to your authorizations
          </Link>
        </Alert>
      </div>
    );
  return (
    <form
      className="form"
      noValidate
      aria-label={`Hand order ${number} on`}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const toMembershipId = String(data.get('toMembershipId') ?? '');
        void handOn.run(
          { number, toMembershipId, note: String(data.get('note') ?? '') },
          { onSuccess: (result) => setHandedTo(result.handedTo) },
        );
      }}
    >
      {refusal && <Alert tone="error">{refusal}</Alert>}
      <SelectField
        label="Hand it to"
        name="toMembershipId"
        placeholder="Choose someone"
        defaultValue=""
        options={options.map((option) => ({ value: option.membershipId, label: option.name }))}
        error={fieldErrors?.toMembershipId?.[0]}
        onChange={() => handOn.reset()}
      />
      <TextareaField
        label="Note"
        hint="Why, for them and for the order's history (for example: on leave until Monday)."
        name="note"
        maxLength={500}
        error={fieldErrors?.note?.[0]}
        onChange={() => handOn.reset()}
      />
      <div className="actions">
        <Button type="submit" className="button" disabled={handOn.pending}>
          {handOn.pending ? 'Handing on…' : 'Hand it on'}
        </Button>
      </div>
    </form>
  );
}
