import Link from 'next/link';
import type { ReactNode } from 'react';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="auth-shell">
      <div className="auth-card">
        <Link href="/" className="auth-brand">
          Countersign
        </Link>
        {children}
      </div>
    </main>
  );
}
