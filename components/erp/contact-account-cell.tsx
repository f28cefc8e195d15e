'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/components/trpc/provider';
import { Button } from '@/components/ui/button';

export type ContactStatus = 'has_account' | 'eligible' | 'cash_account' | 'excluded';

const STATUS_TEXT: Record<Exclude<ContactStatus, 'eligible'>, string> = {
  has_account: 'Has an account',
  cash_account: 'Cash account',
  excluded: 'Excluded customer',
};

/** A contact's account: its state, or a button that creates it and says what happened. */
export function ContactAccountCell({
  contactId,
  status,
  label,
}: {
  contactId: string;
  status: ContactStatus;
  label: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.erp.createAccount.mutationOptions({ onSuccess: () => router.refresh() }));
  if (create.data) return <span role="status">{create.data.message}</span>;
  if (status !== 'eligible')
    return <span className={`badge ${status === 'has_account' ? 'badge-good' : ''}`}>{STATUS_TEXT[status]}</span>;
  return (
    <>
      <Button
        type="button"
        className="button button-small"
        disabled={create.isPending}
        aria-label={`Create account for ${label}`}
        onClick={() => create.mutate({ contactId })}
      >
        {create.isPending ? 'Creating…' : 'Create account'}
      </Button>
      {create.error && (
        <span role="alert" className="field-error">
          {' '}
          {create.error.message}
        </span>
      )}
    </>
  );
}
