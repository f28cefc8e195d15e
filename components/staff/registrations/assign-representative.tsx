'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFieldState } from '@/components/ui/use-field-state';

type Person = { membershipId: string; name: string; email: string };

export function AssignRepresentative({
  organizationId,
  current,
  people,
}: {
  organizationId: string;
  current: string | null;
  people: Person[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [selected, setSelected, selectRef] = useFieldState<HTMLSelectElement>(current ?? '');
  const assign = useMutation(
    trpc.registrations.assignRepresentative.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  return (
    <form
      className="actions"
      onSubmit={(event) => {
        event.preventDefault();
        if (selected) assign.mutate({ organizationId, representativeMembershipId: selected });
      }}
    >
      <div className="field">
        <label htmlFor={id}>Choose the representative</label>
        <select ref={selectRef} id={id} value={selected} onChange={(event) => setSelected(event.target.value)}>
          <option value="">Choose…</option>
          {people.map((person) => (
            <option key={person.membershipId} value={person.membershipId}>
              {person.name} ({person.email})
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" className="button" disabled={!selected || assign.isPending}>
        {assign.isPending ? 'Assigning…' : 'Assign'}
      </Button>
      {assign.isSuccess && <Alert tone="success">Assigned; they have been emailed.</Alert>}
      {assign.error && <Alert tone="error">{assign.error.message}</Alert>}
    </form>
  );
}
