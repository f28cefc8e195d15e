'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import type { RouterOutputs } from '@/components/trpc/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Timestamp } from '@/components/ui/timestamp';
import styles from './account-lists.module.css';

type Device = RouterOutputs['devices']['list'][number];

/**
 * My account → Sessions: every browser signed in as me (kept signed in or not), since when, last used
 * and roughly where from; sign out any one, or all but this one.
 */
export function Devices({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.devices.list.queryOptions());
  const [notice, setNotice] = useState<string | null>(null);
  const others = useMutation(
    trpc.devices.signOutOthers.mutationOptions({
      onSuccess: async ({ signedOut }) => {
        setNotice(signedOut === 1 ? 'One other session is signed out.' : `${signedOut} other sessions are signed out.`);
        await queryClient.invalidateQueries({ queryKey: trpc.devices.list.queryKey() });
      },
    }),
  );
  const hasOthers = (list.data ?? []).some((device) => !device.current);
  return (
    <section className="card" aria-labelledby="devices-heading">
      <h2 id="devices-heading">Sessions</h2>
      {notice && <Alert tone="success">{notice}</Alert>}
      {list.isPending ? (
        <p role="status">Loading your sessions…</p>
      ) : list.error ? (
        <Alert tone="error">{list.error.message}</Alert>
      ) : (
        <ul className={styles.list} aria-label="Sessions">
          {list.data.map((device) => (
            <DeviceRow key={device.id} device={device} timeZone={timeZone} onSignedOut={setNotice} />
          ))}
        </ul>
      )}
      {hasOthers && (
        <p>
          <Button
            className="button"
            disabled={others.isPending}
            aria-busy={others.isPending || undefined}
            onClick={() => others.mutate()}
          >
            {others.isPending ? 'Signing out…' : 'Sign out all other sessions'}
          </Button>
        </p>
      )}
      {others.error && <Alert tone="error">{others.error.message}</Alert>}
      <p className="field-hint">
        A session you sign out must sign in again on its next visit. Changing your password or your second factor signs
        out every other session. Places are networks, not exact addresses.
      </p>
    </section>
  );
}

function DeviceRow({
  device,
  timeZone,
  onSignedOut,
}: {
  device: Device;
  timeZone: string;
  onSignedOut: (notice: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const signOut = useMutation(
    trpc.devices.signOut.mutationOptions({
      onSuccess: async () => {
        if (device.current) {
          // This browser's session has just ended: its next page is the sign-in.
          router.replace('/sign-in');
          return;
        }
        onSignedOut(`The session on ${device.device} is signed out.`);
        await queryClient.invalidateQueries({ queryKey: trpc.devices.list.queryKey() });
      },
    }),
  );
  return (
    <li className={styles.item}>
      <div className={styles.facts}>
        <p className={styles.name}>
          {device.device} {device.current && <span className="badge badge-good">This session</span>}{' '}
          {device.trusted && <span className="badge">Kept signed in</span>}{' '}
          {device.awaitingCode && <span className="badge badge-bad">Password given, code not yet</span>}
        </p>
        <p className={styles.meta}>
          Signed in <Timestamp at={device.signedInAt} timeZone={timeZone} /> · Last used{' '}
          <Timestamp at={device.lastUsedAt} timeZone={timeZone} />
          {device.network && <> · From network {device.network}</>}
        </p>
      </div>
      <div className={styles.actions}>
        <Button
          className="button"
          disabled={signOut.isPending}
          aria-busy={signOut.isPending || undefined}
          aria-label={device.current ? 'Sign out this session' : `Sign out ${device.device}`}
          onClick={() => signOut.mutate({ sessionId: device.id })}
        >
          {signOut.isPending ? 'Signing out…' : 'Sign out'}
        </Button>
      </div>
      {signOut.error && <Alert tone="error">{signOut.error.message}</Alert>}
    </li>
  );
}
