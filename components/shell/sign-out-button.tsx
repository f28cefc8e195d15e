'use client';

import { useFormStatus } from 'react-dom';
import { signOut } from './session-actions';

function SignOutSubmit({ className }: { className: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-busy={pending || undefined}>
      Sign out
    </button>
  );
}

/** A form posting to a server action: it signs out before hydration too, and with no client library. */
export function SignOutButton({ className = 'button button-small' }: { className?: string }) {
  return (
    <form action={signOut}>
      <SignOutSubmit className={className} />
    </form>
  );
}
