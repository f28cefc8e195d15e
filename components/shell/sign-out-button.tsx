'use client';

import { useFormStatus } from 'react-dom';
import { signOut } from './session-actions';

function SignOutSubmit() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="button button-small" disabled={pending} aria-busy={pending || undefined}>
      Sign out
    </button>
  );
}

/** A form posting to a server action: it signs out before hydration too, and with no client library. */
export function SignOutButton() {
  return (
    <form action={signOut}>
      <SignOutSubmit />
    </form>
  );
}
