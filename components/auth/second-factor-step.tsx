'use client';

import { useMutation } from '@tanstack/react-query';
import { signOut } from 'next-auth/react';
import { CodeForm } from '@/components/second-factor/code-form';
import { useTRPC } from '@/components/trpc/provider';
import { Button } from '@/components/ui/button';
import { safeRedirectPath } from './safe-redirect';

/**
 * The sign-in's second step, after a right password: the code from the authenticator app or a
 * recovery code. Until it is given the session can do nothing else (the server refuses it).
 */
export function SecondFactorStep({ callbackUrl }: { callbackUrl?: string }) {
  const trpc = useTRPC();
  const verify = useMutation(trpc.secondFactor.verify.mutationOptions());
  return (
    <>
      <p className="lede">Your password is right. Now type the code from your authenticator app.</p>
      <CodeForm
        label="Code from your authenticator app"
        submitLabel="Finish signing in"
        pendingLabel="Checking…"
        recovery
        onCode={async (code) => {
          await verify.mutateAsync({ code });
          window.location.assign(safeRedirectPath(callbackUrl));
        }}
      />
      <p className="field-hint">No phone at hand? Type one of your recovery codes instead; each works once.</p>
      <p>
        <Button className="button" onClick={() => void signOut({ callbackUrl: '/sign-in' })}>
          Cancel and sign in again
        </Button>
      </p>
    </>
  );
}
