import { redirect } from 'next/navigation';
import { RequiredSetup } from '@/components/second-factor/required-setup';
import { getViewer } from '@/server/auth/current';

export const metadata = { title: 'Set up a second factor' };

/** Where a member who must have a second factor and has none is sent from every page until it is set up. */
export default async function SecondFactorSetupPage() {
  const viewer = await getViewer();
  if (!viewer || viewer.secondFactor === 'code_needed') redirect('/sign-in');
  if (viewer.secondFactor === 'satisfied') redirect('/');
  return (
    <>
      <h1>Set up a second factor</h1>
      <p className="lede">
        Your organization requires a code from an authenticator app after your password. Set it up now to continue; it
        takes a minute.
      </p>
      <RequiredSetup />
    </>
  );
}
