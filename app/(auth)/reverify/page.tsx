import { TokenPage } from '@/components/onboarding/token-page';

export const metadata = { title: 'Confirm it is you' };

export default async function ReverifyPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <TokenPage
      token={token}
      purpose="reverify"
      title="Confirm it is you"
      explanation="You have not used Countersign for a while. Confirm it is you to sign in again; your password stays the same."
      label="Confirm it is me"
    />
  );
}
