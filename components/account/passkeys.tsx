'use client';

import { browserSupportsWebAuthn, startRegistration, WebAuthnError } from '@simplewebauthn/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import type { RouterOutputs } from '@/components/trpc/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { Timestamp } from '@/components/ui/timestamp';
import { useServerForm } from '@/components/ui/use-server-form';
import { describeDevice } from '@/server/domain/auth/device-words';
import { passkeyNameSchema, type PasskeyNameInput } from '@/server/schemas/passkeys';
import styles from './account-lists.module.css';

type Passkey = RouterOutputs['passkeys']['list'][number];

function registrationProblem(error: unknown): string {
  if (error instanceof WebAuthnError && error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') {
    return 'This device already holds one of your passkeys.';
  }
  if (error instanceof Error && error.name === 'NotAllowedError') {
    return 'Adding the passkey was cancelled or timed out.';
  }
  return 'This browser could not create a passkey.';
}

/** My account's passkeys: what is registered (name, added, last used), add one under a name, rename, remove. */
export function Passkeys({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.passkeys.list.queryOptions());
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading">Passkeys</h2>
      <p>
        Sign in with your phone&apos;s or computer&apos;s fingerprint, face or screen lock instead of your password.
        Your password keeps working.
      </p>
      {notice && <Alert tone="success">{notice}</Alert>}
      {list.isPending ? (
        <p role="status">Loading your passkeys…</p>
      ) : list.error ? (
        <Alert tone="error">{list.error.message}</Alert>
      ) : list.data.length === 0 ? (
        <p>You have no passkeys yet.</p>
      ) : (
        <ul className={styles.list} aria-label="Your passkeys">
          {list.data.map((passkey) => (
            <PasskeyRow key={passkey.id} passkey={passkey} timeZone={timeZone} onChanged={setNotice} />
          ))}
        </ul>
      )}
      <AddPasskey onAdded={(name) => setNotice(`Passkey “${name}” added. You can now sign in with it.`)} />
    </section>
  );
}

function PasskeyRow({
  passkey,
  timeZone,
  onChanged,
}: {
  passkey: Passkey;
  timeZone: string;
  onChanged: (notice: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [renaming, setRenaming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.passkeys.list.queryKey() });
  const remove = useMutation(
    trpc.passkeys.remove.mutationOptions({
      onSuccess: async () => {
        onChanged(`Passkey “${passkey.name}” removed: it no longer signs you in.`);
        await refresh();
      },
    }),
  );
  return (
    <li className={styles.item}>
      <div className={styles.facts}>
        <p className={styles.name}>{passkey.name}</p>
        <p className={styles.meta}>
          Added <Timestamp at={passkey.createdAt} timeZone={timeZone} /> · Last used{' '}
          <Timestamp at={passkey.lastUsedAt} timeZone={timeZone} empty="never" />
        </p>
      </div>
      {!renaming && (
        <div className={styles.actions}>
          <Button className="button" onClick={() => setRenaming(true)} aria-label={`Rename passkey ${passkey.name}`}>
            Rename
          </Button>
          <Button
            className="button"
            disabled={remove.isPending}
            aria-busy={remove.isPending || undefined}
            aria-label={`Remove passkey ${passkey.name}`}
            onClick={() => remove.mutate({ passkeyId: passkey.id })}
          >
            {remove.isPending ? 'Removing…' : 'Remove'}
          </Button>
        </div>
      )}
      {remove.error && <Alert tone="error">{remove.error.message}</Alert>}
      {renaming && (
        <RenamePasskey
          passkey={passkey}
          onDone={async (name) => {
            setRenaming(false);
            if (name) onChanged(`Passkey renamed “${name}”.`);
            await refresh();
          }}
        />
      )}
    </li>
  );
}

function RenamePasskey({ passkey, onDone }: { passkey: Passkey; onDone: (name: string | null) => Promise<void> }) {
  const trpc = useTRPC();
  const { form, formError, setFormError, onServerError } = useServerForm<PasskeyNameInput>({
    schema: passkeyNameSchema,
    fields: ['name'],
    defaultValues: { name: passkey.name },
  });
  const rename = useMutation(
    trpc.passkeys.rename.mutationOptions({
      onMutate: () => setFormError(null),
      onSuccess: (saved) => onDone(saved.name),
      onError: onServerError,
    }),
  );
  return (
    <form
      className={styles.rename}
      noValidate
      aria-label={`Rename passkey ${passkey.name}`}
      onSubmit={form.handleSubmit((values) => rename.mutate({ passkeyId: passkey.id, name: values.name }))}
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field label="New name" maxLength={60} error={form.formState.errors.name?.message} {...form.register('name')} />
      <SubmitButton pending={rename.isPending} pendingLabel="Saving…">
        Save name
      </SubmitButton>
      <Button className="button" onClick={() => void onDone(null)}>
        Cancel
      </Button>
    </form>
  );
}

function AddPasskey({ onAdded }: { onAdded: (name: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { form, formError, setFormError, onServerError } = useServerForm<PasskeyNameInput>({
    schema: passkeyNameSchema,
    fields: ['name'],
    defaultValues: { name: '' },
  });
  const { mutateAsync: options } = useMutation(trpc.passkeys.registrationOptions.mutationOptions());
  const { mutateAsync: register } = useMutation(trpc.passkeys.register.mutationOptions());
  const [pending, setPending] = useState(false);
  useEffect(() => {
    // The browser's own words make a good first name ("Chrome on Android"); the member may change it.
    if (!form.getValues('name')) form.setValue('name', describeDevice(navigator.userAgent).slice(0, 60));
  }, [form]);

  const onSubmit = form.handleSubmit(async ({ name }) => {
    setFormError(null);
    if (!browserSupportsWebAuthn()) {
      setFormError('This browser cannot create passkeys.');
      return;
    }
    setPending(true);
    try {
      const { challengeId, options: optionsJSON } = await options();
      const response = await startRegistration({ optionsJSON });
      const saved = await register({ challengeId, name, response: response as never });
      form.reset({ name: '' });
      onAdded(saved.name);
      await queryClient.invalidateQueries({ queryKey: trpc.passkeys.list.queryKey() });
    } catch (error) {
      // A refusal from the server has `data` (tRPC); anything else came from the browser's ceremony.
      if (error instanceof Error && 'data' in error) onServerError(error as Parameters<typeof onServerError>[0]);
      else setFormError(registrationProblem(error));
    } finally {
      setPending(false);
    }
  });

  return (
    <form className="form" noValidate aria-label="Add a passkey" onSubmit={onSubmit}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field
        label="Name for the new passkey"
        hint="So you can tell your passkeys apart, like “My phone” or “Work laptop”."
        maxLength={60}
        error={form.formState.errors.name?.message}
        {...form.register('name')}
      />
      <SubmitButton pending={pending} pendingLabel="Waiting for your device…">
        Add a passkey
      </SubmitButton>
    </form>
  );
}
