'use client';

import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  startAuthentication,
  WebAuthnAbortService,
  WebAuthnError,
} from '@simplewebauthn/browser';
import { useMutation } from '@tanstack/react-query';
import { signIn } from 'next-auth/react';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { safeRedirectPath } from './safe-redirect';
import { browserTimeZone } from './sign-in-after';

/** Whether the browser speaks WebAuthn does not change while the page is open. */
const noChange = () => () => {};

/** A ceremony the page itself cut short (the button replacing the autofill request): nothing to say. */
function wasAborted(error: unknown): boolean {
  return (
    (error instanceof WebAuthnError && error.code === 'ERROR_CEREMONY_ABORTED') ||
    (error instanceof Error && error.name === 'AbortError')
  );
}

function ceremonyProblem(error: unknown): string {
  if (error instanceof Error && error.name === 'NotAllowedError') {
    return 'The passkey sign-in was cancelled or timed out. Try again, or sign in with your password.';
  }
  return 'This browser could not use a passkey here. Sign in with your password.';
}

/**
 * Passkey sign-in for the sign-in page: the browser's passkey autofill (started once the page is
 * ready) and a button. The signed answer goes to next-auth's `passkey` provider, which opens the
 * session as a password sign-in does; then the page the person came for opens.
 */
export function usePasskeySignIn({
  callbackUrl,
  keepSignedIn,
  onProblem,
}: {
  callbackUrl?: string;
  /** Read when the answer comes back: the check box may change while the autofill waits. */
  keepSignedIn: boolean;
  onProblem: (message: string | null) => void;
}) {
  const trpc = useTRPC();
  const { mutateAsync: signInOptions } = useMutation(trpc.passkeys.signInOptions.mutationOptions());
  const [pending, setPending] = useState(false);
  // Until the page has hydrated a press would do nothing; a browser without WebAuthn never offers it.
  const availability = useSyncExternalStore(
    noChange,
    () => (browserSupportsWebAuthn() ? 'ready' : 'unsupported'),
    () => 'starting',
  );
  const latest = useRef({ callbackUrl, keepSignedIn, onProblem });
  useEffect(() => {
    latest.current = { callbackUrl, keepSignedIn, onProblem };
  });

  // Once the button is pressed the autofill must not start: a later ceremony cancels the earlier one.
  const buttonPressed = useRef(false);

  const run = useCallback(
    async (useBrowserAutofill: boolean) => {
      const { handle, options } = await signInOptions();
      if (useBrowserAutofill && buttonPressed.current) return;
      const answer = await startAuthentication({ optionsJSON: options, useBrowserAutofill });
      setPending(true);
      latest.current.onProblem(null);
      const result = await signIn('passkey', {
        handle,
        response: JSON.stringify(answer),
        trusted: String(latest.current.keepSignedIn),
        timeZone: browserTimeZone(),
        redirect: false,
      });
      if (!result || result.error) {
        setPending(false);
        latest.current.onProblem(
          result?.error && result.error !== 'CredentialsSignin' ? result.error : 'Sign-in failed. Please try again.',
        );
        return;
      }
      window.location.assign(safeRedirectPath(latest.current.callbackUrl));
    },
    [signInOptions],
  );

  useEffect(() => {
    let stopped = false;
    void browserSupportsWebAuthnAutofill().then((supported) => {
      if (!supported || stopped) return;
      run(true).catch((error: unknown) => {
        // A cancelled autofill says nothing: the person may still type a password.
        if (!wasAborted(error) && !(error instanceof Error && error.name === 'NotAllowedError')) {
          latest.current.onProblem(ceremonyProblem(error));
        }
      });
    });
    return () => {
      stopped = true;
      WebAuthnAbortService.cancelCeremony();
    };
  }, [run]);

  const signInWithPasskey = useCallback(() => {
    buttonPressed.current = true;
    latest.current.onProblem(null);
    run(false).catch((error: unknown) => {
      setPending(false);
      if (!wasAborted(error)) latest.current.onProblem(ceremonyProblem(error));
    });
  }, [run]);

  return { signInWithPasskey, pending, availability };
}
