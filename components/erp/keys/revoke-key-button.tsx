'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Button } from '@/components/ui/button';

/** Revokes a key after a second, explicit click; the ERP using it is refused from that moment. */
export function RevokeKeyButton({ keyId, name }: { keyId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation(trpc.erpKeys.revoke.mutationOptions({ onSuccess: () => router.refresh() }));

  if (revoke.isSuccess) return <span role="status">Revoked.</span>;
  if (!confirming) {
    return (
      <Button className="button button-small" aria-label={`Revoke ${name}`} onClick={() => setConfirming(true)}>
        Revoke
      </Button>
    );
  }
  return (
    <div className="actions">
      <span>The ERP using “{name}” will be refused at once.</span>
      <Button
        className="button button-small button-primary"
        disabled={revoke.isPending}
        onClick={() => revoke.mutate({ keyId })}
      >
        {revoke.isPending ? 'Revoking…' : `Yes, revoke ${name}`}
      </Button>
      <Button className="button button-small" disabled={revoke.isPending} onClick={() => setConfirming(false)}>
        Keep it
      </Button>
      {revoke.error && (
        <span role="alert" className="field-error">
          {revoke.error.message}
        </span>
      )}
    </div>
  );
}
