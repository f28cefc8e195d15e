import Link from 'next/link';
import type { ReactNode } from 'react';
import { TRPCReactProvider } from '@/components/trpc/provider';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="auth-shell">
      <div className="auth-card">
        <Link href="/" className="auth-brand">
          Countersign
        </Link>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </div>
    </main>
  );
}
