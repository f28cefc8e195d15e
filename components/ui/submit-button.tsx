import type { ReactNode } from 'react';

export function SubmitButton({ pending, children, pendingLabel }: { pending: boolean; children: ReactNode; pendingLabel?: string }) {
  return (
    <button type="submit" className="button button-primary" disabled={pending} aria-busy={pending || undefined}>
      {pending ? (pendingLabel ?? 'Working…') : children}
    </button>
  );
}
