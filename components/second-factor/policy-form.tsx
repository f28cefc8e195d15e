'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

type Policy = { required: boolean; fixed: boolean };

/**
 * Requiring a second factor of everyone in the organization (buyer account managers) or of every
 * staff member (seller administrators). Members without one are led to set it up on their next page.
 */
export function SecondFactorPolicyForm({ kind, initial }: { kind: 'organization' | 'staff'; initial: Policy }) {
  const trpc = useTRPC();
  const [policy, setPolicy] = useState(initial);
  const options =
    kind === 'staff'
      ? trpc.secondFactor.setStaffPolicy.mutationOptions({ onSuccess: setPolicy })
      : trpc.secondFactor.setOrganizationPolicy.mutationOptions({ onSuccess: setPolicy });
  const change = useMutation(options);
  const who = kind === 'staff' ? 'every staff member' : 'everyone in your organization';
  return (
    <section className="card" aria-labelledby="second-factor-policy-heading">
      <h2 id="second-factor-policy-heading">Second factor at sign-in</h2>
      {change.error && <Alert tone="error">{change.error.message}</Alert>}
      {policy.fixed ? (
        <p>
          <span className="badge badge-good">Required</span> A second factor is always required of staff on this server.
        </p>
      ) : (
        <>
          <p>
            {policy.required ? (
              <>
                <span className="badge badge-good">Required</span> {who} signs in with a code from an authenticator app
                or a passkey. Anyone without one is asked to set it up before anything else.
              </>
            ) : (
              <>
                <span className="badge">Optional</span> Each person chooses whether to use a second factor.
              </>
            )}
          </p>
          <Button
            className="button"
            disabled={change.isPending}
            aria-busy={change.isPending || undefined}
            onClick={() => change.mutate({ required: !policy.required })}
          >
            {change.isPending
              ? 'Saving…'
              : policy.required
                ? 'Stop requiring a second factor'
                : `Require a second factor of ${who}`}
          </Button>
        </>
      )}
    </section>
  );
}
