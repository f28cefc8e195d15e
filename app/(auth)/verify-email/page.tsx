import { TokenPage } from '@/components/onboarding/token-page';

export const metadata = { title: 'Confirm your email address' };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <TokenPage
      token={token}
      purpose="verify_email"
      title="Confirm your email address"
      explanation="Confirm that this email address is yours."
      label="Confirm my email address"
    />
  );
}
