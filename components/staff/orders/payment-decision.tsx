'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextareaField } from '@/components/ui/textarea-field';
import { ORDER_STATUS_LABELS } from '@/server/domain/orders/state-machine';
import { useFieldState } from '@/components/ui/use-field-state';

/**
 * Approve a payment under review, or reject it with a reason the buyer reads. In the queue the
 * decided order stays in view with the outcome (`refresh` off); on the order page the page reloads.
 */
export function PaymentDecision({ number, refresh = false }: { number: string; refresh?: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [reason, setReason, reasonRef] = useFieldState<HTMLTextAreaElement>('');
  const onSuccess = () => (refresh ? router.refresh() : undefined);
  const approve = useMutation(trpc.staffOrders.approvePayment.mutationOptions({ onSuccess }));
  const reject = useMutation(trpc.staffOrders.rejectPayment.mutationOptions({ onSuccess }));
  const busy = approve.isPending || reject.isPending;
  const reasonError = reject.error?.data?.fieldErrors?.reason?.[0];
  const decided = approve.data ?? reject.data;
  if (decided) {
    return (
      <Alert tone="success">
        {approve.data ? 'Payment approved' : 'Payment rejected'}: order {decided.number} is now{' '}
        {ORDER_STATUS_LABELS[decided.status].toLowerCase()}. The buyer is emailed.{' '}
        <Link href={`/staff/orders/${decided.number}`}>Open order {decided.number}</Link>
      </Alert>
    );
  }
  return (
    <div className="form">
      {approve.error && <Alert tone="error">{approve.error.message}</Alert>}
      <div className="actions">
        <Button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => approve.mutate({ number })}
          aria-label={`Approve the payment of ${number}`}
        >
          {approve.isPending ? 'Approving…' : 'Approve'}
        </Button>
      </div>
      <form
        className="form"
        noValidate
        aria-label={`Reject the payment of ${number}`}
        onSubmit={(event) => {
          event.preventDefault();
          reject.mutate({ number, reason });
        }}
      >
        <TextareaField
          label="Reason for rejecting"
          hint="The order is canceled and the buyer reads this reason."
          maxLength={500}
          ref={reasonRef}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={reasonError}
        />
        {reject.error && !reasonError && <Alert tone="error">{reject.error.message}</Alert>}
        <div className="actions">
          <Button type="submit" className="button" disabled={busy}>
            {reject.isPending ? 'Rejecting…' : 'Reject and cancel the order'}
          </Button>
        </div>
      </form>
    </div>
  );
}
