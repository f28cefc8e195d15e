'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Timestamp } from '@/components/ui/timestamp';
import { TextareaField } from '@/components/ui/textarea-field';
import { useFieldState } from '@/components/ui/use-field-state';

/** Cancel an order before release, with a reason the buyer reads in the email. */
export function CancelOrder({ number }: { number: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [reason, setReason, reasonRef] = useFieldState<HTMLTextAreaElement>('');
  const cancel = useMutation(trpc.staffOrders.cancel.mutationOptions({ onSuccess: () => router.refresh() }));
  const reasonError = cancel.error?.data?.fieldErrors?.reason?.[0];
  return (
    <form
      className="form"
      noValidate
      aria-label="Cancel the order"
      onSubmit={(event) => {
        event.preventDefault();
        cancel.mutate({ number, reason });
      }}
    >
      <TextareaField
        label="Reason for canceling"
        hint="Emailed to the buyer. Stock goes back and a card authorization is released."
        maxLength={500}
        ref={reasonRef}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={reasonError}
      />
      {cancel.error && !reasonError && <Alert tone="error">{cancel.error.message}</Alert>}
      {cancel.data && <Alert tone="success">Order {cancel.data.number} is canceled.</Alert>}
      <div className="actions">
        <Button type="submit" className="button" disabled={cancel.isPending}>
          {cancel.isPending ? 'Canceling…' : 'Cancel the order'}
        </Button>
      </div>
    </form>
  );
}

/** Try a failed card capture again now instead of waiting for the job's next try. */
export function RetryCapture({ number, timeZone }: { number: string; timeZone: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const retry = useMutation(trpc.staffOrders.retryCapture.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="form">
      <div className="actions">
        <Button
          type="button"
          className="button button-primary"
          disabled={retry.isPending}
          onClick={() => retry.mutate({ number })}
        >
          {retry.isPending ? 'Capturing…' : 'Retry now'}
        </Button>
      </div>
      {retry.data &&
        (retry.data.captured ? (
          <Alert tone="success">The payment is captured; the order is paid.</Alert>
        ) : (
          <Alert tone="error">
            The capture failed again: {retry.data.error} Next automatic try{' '}
            <Timestamp at={retry.data.nextAttemptAt} timeZone={timeZone} />.
          </Alert>
        ))}
      {retry.error && <Alert tone="error">{retry.error.message}</Alert>}
    </div>
  );
}

/** Record that the customer paid an invoiced bill-me order: it leaves the open balance. */
export function MarkSettled({ number }: { number: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const settle = useMutation(trpc.staffOrders.markSettled.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="form">
      <div className="actions">
        <Button type="button" className="button" disabled={settle.isPending} onClick={() => settle.mutate({ number })}>
          {settle.isPending ? 'Recording…' : 'Record the customer’s payment'}
        </Button>
      </div>
      {settle.data && <Alert tone="success">Payment recorded; the order left the open balance.</Alert>}
      {settle.error && <Alert tone="error">{settle.error.message}</Alert>}
    </div>
  );
}
