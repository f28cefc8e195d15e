import type { ReactNode } from 'react';

/** Errors interrupt (role=alert); confirmations wait their turn (role=status); information is just text. */
export function Alert({ tone, children }: { tone: 'error' | 'success' | 'info'; children: ReactNode }) {
  const role = tone === 'error' ? 'alert' : tone === 'success' ? 'status' : undefined;
  return (
    <div className={`alert alert-${tone}`} role={role}>
      {children}
    </div>
  );
}
