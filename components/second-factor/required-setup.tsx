'use client';

import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { TotpSetup } from './totp-setup';

/** The set-up on its own page, for a member who may do nothing else first; then on to the start page. */
export function RequiredSetup() {
  const router = useRouter();
  return (
    <>
      <TotpSetup doneLabel="I have saved them — continue" onDone={() => router.replace('/')} />
      <p>
        <Button className="button" onClick={() => void signOut({ callbackUrl: '/sign-in' })}>
          Sign out
        </Button>
      </p>
    </>
  );
}
