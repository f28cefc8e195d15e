'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/**
 * A button rather than an automatic action on page load: mail scanners open links, and a link
 * that confirms on GET would be used up before the person ever clicked it.
 */
export function ConfirmToken({
  token,
  purpose,
  label,
}: {
  token: string;
  purpose: 'verifyEmail' | 'reverify';
  label: string;
}) {
  const trpc = useTRPC();
  const confirm = useMutation(trpc.onboarding[purpose].mutationOptions());
  if (confirm.data) {
    return (
      <Alert tone="success">
        {confirm.data.message} <Link href="/sign-in">Go to sign-in</Link>
      </Alert>
    );
  }
  return (
    <>
      {confirm.error && <Alert tone="error">{confirm.error.message}</Alert>}
      <Button
        type="button"
        className="button button-primary"
        disabled={confirm.isPending}
        onClick={() => confirm.mutate({ token })}
      >
        {confirm.isPending ? 'Confirming…' : label}
      </Button>
    </>
  );
}
