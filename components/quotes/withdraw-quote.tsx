'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** "Withdraw this quote", after a confirmation; the page then opens again with the outcome. */
export function WithdrawQuote({ number }: { number: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation(
    trpc.quotes.withdraw.mutationOptions({
      onSuccess: () => {
        router.replace(`/quotes/${encodeURIComponent(number)}?withdrawn=1`);
        router.refresh();
      },
    }),
  );
  const busy = withdraw.isPending || withdraw.isSuccess;
  return (
    <div className="form">
      {withdraw.error && <Alert tone="error">{withdraw.error.message}</Alert>}
      {confirming ? (
        <div className="form" role="group" aria-label="Withdraw the quote">
          <p>
            Withdraw quote {number}? Your representative stops working on it and it can no longer be ordered. To buy
            these items later, add them to your cart again.
          </p>
          <div className="actions">
            <Button
              className="button button-primary"
              disabled={busy}
              aria-busy={withdraw.isPending || undefined}
              onClick={() => withdraw.mutate({ number })}
            >
              {busy ? 'Withdrawing…' : 'Yes, withdraw it'}
            </Button>
            <Button className="button" disabled={busy} onClick={() => setConfirming(false)}>
              Keep the quote
            </Button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <Button className="button" onClick={() => setConfirming(true)}>
            Withdraw this quote
          </Button>
        </div>
      )}
    </div>
  );
}
