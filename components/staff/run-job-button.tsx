'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/components/trpc/provider';
import { Button } from '@/components/ui/button';

export function RunJobButton({ name }: { name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const run = useMutation(trpc.staff.runJob.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <>
      <Button
        type="button"
        className="button button-small"
        disabled={run.isPending}
        onClick={() => run.mutate({ name })}
      >
        {run.isPending ? 'Running…' : `Run ${name} now`}
      </Button>
      {run.data && (
        <span role="status">
          {' '}
          {run.data.status === 'succeeded' ? `Done: ${JSON.stringify(run.data.result)}` : `Failed: ${run.data.error}`}
        </span>
      )}
      {run.error && (
        <span role="alert" className="field-error">
          {' '}
          {run.error.message}
        </span>
      )}
    </>
  );
}

export function RetryEmailButton({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const retry = useMutation(trpc.staff.retryEmail.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <Button
      type="button"
      className="button button-small"
      disabled={retry.isPending}
      onClick={() => retry.mutate({ id })}
    >
      Retry
    </Button>
  );
}
