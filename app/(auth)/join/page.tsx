import Link from 'next/link';
import { JoinForm } from '@/components/onboarding/join-form';

export const metadata = { title: 'Join your organization' };

export default async function JoinPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  return (
    <>
      <h1>Join your organization</h1>
      <p className="lede">
        Use the invitation code from your administrator. They approve your request before you can order.
      </p>
      <JoinForm code={code?.slice(0, 40)} />
      <p className="auth-links">
        Your company is not a customer yet? <Link href="/register">Register your organization</Link>.
      </p>
    </>
  );
}
