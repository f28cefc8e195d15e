'use client';

import type { ReactNode } from 'react';
import { Button } from './button';

export function SubmitButton({
  pending,
  children,
  pendingLabel,
}: {
  pending: boolean;
  children: ReactNode;
  pendingLabel?: string;
}) {
  return (
    <Button type="submit" className="button button-primary" disabled={pending} aria-busy={pending || undefined}>
      {pending ? (pendingLabel ?? 'Working…') : children}
    </Button>
  );
}
