'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** Deactivate or reactivate a member, and resend an unused invitation. */
export function MemberActions({
  membershipId,
  name,
  activated,
  invited,
}: {
  membershipId: string;
  name: string;
  activated: boolean;
  invited: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const setActivated = useMutation(trpc.members.setActivated.mutationOptions({ onSuccess: () => router.refresh() }));
  const resend = useMutation(trpc.members.resendInvitation.mutationOptions());
  const error = setActivated.error ?? resend.error;
  return (
    <div className="form">
      {error && <Alert tone="error">{error.message}</Alert>}
      {resend.isSuccess && (
        <Alert tone="success">A new invitation is on its way; the earlier link no longer works.</Alert>
      )}
      <div className="actions">
        <Button
          className="button"
          disabled={setActivated.isPending}
          onClick={() => setActivated.mutate({ membershipId, activated: !activated })}
        >
          {activated ? `Deactivate ${name}` : `Reactivate ${name}`}
        </Button>
        {invited && (
          <Button className="button" disabled={resend.isPending} onClick={() => resend.mutate({ membershipId })}>
            Resend invitation
          </Button>
        )}
      </div>
    </div>
  );
}
