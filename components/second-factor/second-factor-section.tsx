'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Timestamp } from '@/components/ui/timestamp';
import { CodeForm } from './code-form';
import { RecoveryCodes, TotpSetup } from './totp-setup';
import styles from './second-factor.module.css';

type Action = null | 'regenerate' | 'remove';

/** My account → Second factor: set up an authenticator app, get new recovery codes, or remove it. */
export function SecondFactorSection({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.secondFactor.status.queryOptions());
  const [notice, setNotice] = useState<string | null>(null);
  const [action, setAction] = useState<Action>(null);
  const [freshCodes, setFreshCodes] = useState<string[] | null>(null);
  const regenerate = useMutation(trpc.secondFactor.regenerateRecoveryCodes.mutationOptions());
  const remove = useMutation(trpc.secondFactor.remove.mutationOptions());
  const refresh = async (message: string | null) => {
    setNotice(message);
    setAction(null);
    await queryClient.invalidateQueries({ queryKey: trpc.secondFactor.status.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.devices.list.queryKey() });
  };

  return (
    <section className="card" aria-labelledby="second-factor-heading">
      <h2 id="second-factor-heading">Second factor</h2>
      {notice && <Alert tone="success">{notice}</Alert>}
      {status.isPending ? (
        <p role="status">Loading…</p>
      ) : status.error ? (
        <Alert tone="error">{status.error.message}</Alert>
      ) : freshCodes ? (
        <RecoveryCodes
          codes={freshCodes}
          doneLabel="I have saved them"
          onDone={() => {
            setFreshCodes(null);
            void refresh('Your new recovery codes are ready; the old ones no longer work.');
          }}
        />
      ) : !status.data.enabled ? (
        <>
          <p>
            {status.data.required
              ? 'Your organization requires a code from an authenticator app after your password.'
              : 'Ask for a code from an authenticator app on your phone after your password, so a stolen password is not enough.'}{' '}
            A passkey sign-in needs no code.
          </p>
          <TotpSetup
            doneLabel="I have saved them"
            onDone={() => void refresh('Your second factor is on. Your other sessions were signed out.')}
          />
        </>
      ) : (
        <>
          <p>
            <span className="badge badge-good">On</span> Since{' '}
            <Timestamp at={status.data.enabledAt} timeZone={timeZone} />. Sign-in asks for a code from your
            authenticator app after your password. {status.data.recoveryCodesLeft} of 10 recovery codes left.
          </p>
          {status.data.required && (
            <p className="field-hint">
              Your organization requires a second factor. On a new phone, move it there: you set up the app again right
              after.
            </p>
          )}
          <div className={styles.actions}>
            <Button className="button" onClick={() => setAction(action === 'regenerate' ? null : 'regenerate')}>
              New recovery codes
            </Button>
            <Button className="button" onClick={() => setAction(action === 'remove' ? null : 'remove')}>
              {status.data.required ? 'Move to a new phone' : 'Remove the second factor'}
            </Button>
          </div>
          {action === 'regenerate' && (
            <CodeForm
              label="Code from your app, for new recovery codes"
              submitLabel="Make new recovery codes"
              pendingLabel="Making…"
              recovery={false}
              onCode={async (code) => setFreshCodes((await regenerate.mutateAsync({ code })).recoveryCodes)}
            />
          )}
          {action === 'remove' && (
            <CodeForm
              label={`Code from your app or a recovery code, to ${status.data.required ? 'move it' : 'remove it'}`}
              submitLabel={status.data.required ? 'Set up the new phone' : 'Remove the second factor'}
              pendingLabel="Removing…"
              recovery
              onCode={async (code) => {
                await remove.mutateAsync({ code });
                await refresh(
                  status.data.required
                    ? 'Now set up the authenticator app on your new phone. Your other sessions were signed out.'
                    : 'Your second factor is removed. Your other sessions were signed out.',
                );
              }}
            />
          )}
        </>
      )}
      <p className="field-hint">Setting up, removing or renewing the codes signs out your other sessions.</p>
    </section>
  );
}
