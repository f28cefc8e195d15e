'use client';

import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/ui/use-action';
import { useFieldState } from '@/components/ui/use-field-state';
import { switchAccount } from './session-actions';

type Account = { id: string; organizationName: string; usable: boolean; problem: string | null };

/**
 * Moves the session to another of the person's customer accounts; the server checks it is theirs.
 * In the header of every page, so through a server action rather than the tRPC client.
 */
export function AccountSwitcher({ accounts, activeId }: { accounts: Account[]; activeId: string | null }) {
  const id = useId();
  const [selected, setSelected, selectRef] = useFieldState<HTMLSelectElement>(
    activeId ?? accounts.find((a) => a.usable)?.id ?? '',
  );
  const switching = useAction(switchAccount);
  return (
    <form
      className="account-switcher"
      onSubmit={(event) => {
        event.preventDefault();
        if (selected && selected !== activeId) {
          void switching.run(
            { membershipId: selected },
            { onSuccess: (result) => window.location.assign(result.kind === 'seller' ? '/staff' : '/') },
          );
        }
      }}
    >
      <label htmlFor={id}>Account</label>
      <select ref={selectRef} id={id} value={selected} onChange={(event) => setSelected(event.target.value)}>
        {accounts.map((account) => (
          <option key={account.id} value={account.id} disabled={!account.usable}>
            {account.organizationName}
            {account.usable ? '' : ' (unavailable)'}
          </option>
        ))}
      </select>
      <Button type="submit" className="button button-small" disabled={switching.pending || selected === activeId}>
        Switch
      </Button>
      {switching.error && (
        <span role="alert" className="field-error">
          {switching.error.message}
        </span>
      )}
    </form>
  );
}
