'use client';

import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Button } from '@/components/ui/button';

type Account = { id: string; organizationName: string; usable: boolean; problem: string | null };

/** Moves the session to another of the person's customer accounts; the server checks it is theirs. */
export function AccountSwitcher({ accounts, activeId }: { accounts: Account[]; activeId: string | null }) {
  const trpc = useTRPC();
  const id = useId();
  const [selected, setSelected] = useState(activeId ?? accounts.find((a) => a.usable)?.id ?? '');
  const switchAccount = useMutation(
    trpc.session.switchAccount.mutationOptions({
      onSuccess: (result) => window.location.assign(result.kind === 'seller' ? '/staff' : '/'),
    }),
  );
  return (
    <form
      className="account-switcher"
      onSubmit={(event) => {
        event.preventDefault();
        if (selected && selected !== activeId) switchAccount.mutate({ membershipId: selected });
      }}
    >
      <label htmlFor={id}>Account</label>
      <select id={id} value={selected} onChange={(event) => setSelected(event.target.value)}>
        {accounts.map((account) => (
          <option key={account.id} value={account.id} disabled={!account.usable}>
            {account.organizationName}
            {account.usable ? '' : ' (unavailable)'}
          </option>
        ))}
      </select>
      <Button type="submit" className="button button-small" disabled={switchAccount.isPending || selected === activeId}>
        Switch
      </Button>
      {switchAccount.error && (
        <span role="alert" className="field-error">
          {switchAccount.error.message}
        </span>
      )}
    </form>
  );
}
