'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { TextareaField } from '@/components/ui/textarea-field';
import { Button } from '@/components/ui/button';
import { useFieldState } from '@/components/ui/use-field-state';

/** Approve, or reject with a reason the buyer will read. */
export function Decision({ organizationId, blockers }: { organizationId: string; blockers: string[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [reason, setReason, reasonRef] = useFieldState<HTMLTextAreaElement>('');
  const approve = useMutation(trpc.registrations.approve.mutationOptions({ onSuccess: () => router.refresh() }));
  const reject = useMutation(trpc.registrations.reject.mutationOptions({ onSuccess: () => router.refresh() }));
  const reasonError = reject.error?.data?.fieldErrors?.reason?.[0];
  return (
    <div className="form">
      {blockers.length > 0 && (
        <Alert tone="info">
          Before it can be approved:
          <ul>
            {blockers.map((blocker) => (
              <li key={blocker}>{blocker}</li>
            ))}
          </ul>
        </Alert>
      )}
      {approve.error && <Alert tone="error">{approve.error.message}</Alert>}
      <div className="actions">
        <Button
          type="button"
          className="button button-primary"
          disabled={approve.isPending}
          onClick={() => approve.mutate({ organizationId })}
        >
          {approve.isPending ? 'Approving…' : 'Approve'}
        </Button>
      </div>
      <form
        className="form"
        noValidate
        aria-label="Reject"
        onSubmit={(event) => {
          event.preventDefault();
          reject.mutate({ organizationId, reason });
        }}
      >
        <TextareaField
          label="Reason for rejecting"
          hint="Sent to the organization's administrator."
          maxLength={1000}
          ref={reasonRef}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={reasonError}
        />
        {reject.error && !reasonError && <Alert tone="error">{reject.error.message}</Alert>}
        <div className="actions">
          <Button type="submit" className="button" disabled={reject.isPending}>
            {reject.isPending ? 'Rejecting…' : 'Reject'}
          </Button>
        </div>
      </form>
    </div>
  );
}

/** Suspend an active organization (with a reason for the other staff) or reactivate it. */
export function Suspension({ organizationId, suspended }: { organizationId: string; suspended: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [reason, setReason, reasonRef] = useFieldState<HTMLTextAreaElement>('');
  const suspend = useMutation(trpc.registrations.suspend.mutationOptions({ onSuccess: () => router.refresh() }));
  const reactivate = useMutation(trpc.registrations.reactivate.mutationOptions({ onSuccess: () => router.refresh() }));
  if (suspended) {
    return (
      <div className="actions">
        <Button
          type="button"
          className="button"
          disabled={reactivate.isPending}
          onClick={() => reactivate.mutate({ organizationId })}
        >
          Reactivate
        </Button>
        {reactivate.error && <Alert tone="error">{reactivate.error.message}</Alert>}
      </div>
    );
  }
  const reasonError = suspend.error?.data?.fieldErrors?.reason?.[0];
  return (
    <form
      className="form"
      noValidate
      aria-label="Suspend"
      onSubmit={(event) => {
        event.preventDefault();
        suspend.mutate({ organizationId, reason });
      }}
    >
      <TextareaField
        label="Reason for suspending"
        hint="For staff; members are told the organization is suspended."
        maxLength={1000}
        ref={reasonRef}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={reasonError}
      />
      {suspend.error && !reasonError && <Alert tone="error">{suspend.error.message}</Alert>}
      <div className="actions">
        <Button type="submit" className="button" disabled={suspend.isPending}>
          Suspend
        </Button>
      </div>
    </form>
  );
}
