'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextareaField } from '@/components/ui/textarea-field';
import { cartAfterRefill } from './refill-link';

/** Cancel (with an optional reason, after a confirmation) and reorder, as the server allows them. */
export function OrderActions({
  number,
  mayCancel,
  mayReorder,
}: {
  number: string;
  mayCancel: boolean;
  mayReorder: boolean;
}) {
  // Kept here: after the page refreshes, the order may no longer be canceled and the form is gone.
  const [canceled, setCanceled] = useState(false);
  return (
    <div className="form">
      {canceled && <Alert tone="success">Order {number} is canceled. We emailed a confirmation.</Alert>}
      {mayReorder && <Reorder number={number} />}
      {mayCancel && !canceled && <Cancel number={number} onCanceled={() => setCanceled(true)} />}
    </div>
  );
}

function Reorder({ number }: { number: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const reorder = useMutation(
    trpc.orders.reorder.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.cart.get.queryKey() });
        router.push(cartAfterRefill(`order ${result.number}`, result));
      },
    }),
  );
  return (
    <div>
      <p className="field-hint">
        Puts the products of this order that are still sold into your cart, at today’s prices.
      </p>
      <div className="actions">
        <Button
          className="button button-primary"
          disabled={reorder.isPending || reorder.isSuccess}
          onClick={() => reorder.mutate({ number })}
        >
          {reorder.isPending ? 'Adding to the cart…' : 'Reorder'}
        </Button>
      </div>
      {reorder.error && <Alert tone="error">{reorder.error.message}</Alert>}
    </div>
  );
}

function Cancel({ number, onCanceled }: { number: string; onCanceled: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useMutation(
    trpc.orders.cancel.mutationOptions({
      onSuccess: () => {
        onCanceled();
        router.refresh();
      },
    }),
  );
  const reasonError = cancel.error?.data?.fieldErrors?.reason?.[0];
  if (!confirming) {
    return (
      <div className="actions">
        <Button className="button" onClick={() => setConfirming(true)}>
          Cancel order…
        </Button>
      </div>
    );
  }
  return (
    <form
      className="form"
      noValidate
      aria-label="Cancel the order"
      onSubmit={(event) => {
        event.preventDefault();
        cancel.mutate({ number, reason: reason.trim() || undefined });
      }}
    >
      <p>Cancel order {number}? Its items go back to stock and nothing is charged. This cannot be undone.</p>
      <TextareaField
        label="Reason (optional)"
        hint="Included in the confirmation email."
        maxLength={500}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={reasonError}
      />
      {cancel.error && !reasonError && <Alert tone="error">{cancel.error.message}</Alert>}
      <div className="actions">
        <Button type="submit" className="button button-primary" disabled={cancel.isPending}>
          {cancel.isPending ? 'Canceling…' : 'Yes, cancel the order'}
        </Button>
        <Button className="button" disabled={cancel.isPending} onClick={() => setConfirming(false)}>
          Keep the order
        </Button>
      </div>
    </form>
  );
}
