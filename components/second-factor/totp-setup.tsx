'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import type { RouterOutputs } from '@/components/trpc/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CodeForm } from './code-form';
import styles from './second-factor.module.css';

type Setup = RouterOutputs['secondFactor']['beginSetup'];

/**
 * Setting up an authenticator app: a button starts it, the QR code and the secret in text follow,
 * the first code confirms it, and the recovery codes are shown once.
 */
export function TotpSetup({ onDone, doneLabel }: { onDone: () => void; doneLabel: string }) {
  const trpc = useTRPC();
  const begin = useMutation(trpc.secondFactor.beginSetup.mutationOptions());
  const confirm = useMutation(trpc.secondFactor.confirmSetup.mutationOptions());
  const [codes, setCodes] = useState<string[] | null>(null);

  if (codes) return <RecoveryCodes codes={codes} onDone={onDone} doneLabel={doneLabel} />;
  if (!begin.data) {
    return (
      <>
        {begin.error && <Alert tone="error">{begin.error.message}</Alert>}
        <Button
          className="button button-primary"
          disabled={begin.isPending}
          aria-busy={begin.isPending || undefined}
          onClick={() => begin.mutate()}
        >
          {begin.isPending ? 'Starting…' : 'Set up an authenticator app'}
        </Button>
      </>
    );
  }
  return (
    <>
      <SecretShown setup={begin.data} />
      <CodeForm
        label="Code from your authenticator app"
        submitLabel="Confirm and turn on"
        pendingLabel="Checking…"
        recovery={false}
        onCode={async (code) => setCodes((await confirm.mutateAsync({ code })).recoveryCodes)}
      />
    </>
  );
}

function SecretShown({ setup }: { setup: Setup }) {
  return (
    <div className={styles.setup}>
      {/* The SVG is drawn on the server by `qrcode` from the otpauth address: no text from anyone in it. */}
      <div
        className={styles.qr}
        role="img"
        aria-label="QR code to scan with your authenticator app"
        dangerouslySetInnerHTML={{ __html: setup.qrSvg }}
      />
      <div className={styles.secret}>
        <p>
          Scan the code with an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password…). If you
          cannot scan it, add an account by hand with this key:
        </p>
        <p className={styles.secretText} aria-label="Secret key for manual entry" data-testid="totp-secret">
          {setup.secret}
        </p>
        <p className="field-hint">Time-based, 6 digits, every 30 seconds. This key is shown only now.</p>
      </div>
    </div>
  );
}

/** The recovery codes, shown once: each signs in a single time when the phone is not at hand. */
export function RecoveryCodes({
  codes,
  onDone,
  doneLabel,
}: {
  codes: string[];
  onDone: () => void;
  doneLabel: string;
}) {
  return (
    <section aria-labelledby="recovery-codes-heading">
      <h3 id="recovery-codes-heading">Your recovery codes</h3>
      <Alert tone="info">
        Keep these somewhere safe, apart from your phone. Each works once, in place of a code from the app. They are
        shown only now.
      </Alert>
      <ul className={styles.codes} aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className={styles.actions}>
        <Button
          className="button"
          onClick={() => void navigator.clipboard?.writeText(codes.join('\n')).catch(() => undefined)}
        >
          Copy the codes
        </Button>
        <Button className="button button-primary" onClick={onDone}>
          {doneLabel}
        </Button>
      </div>
    </section>
  );
}
