import { forbidden } from 'next/navigation';
import { InvitationCode, PendingJoinRequests } from '@/components/admin/join-requests';
import { getMe } from '@/components/shell/me';

export const metadata = { title: 'Joining requests' };

export default async function JoiningPage() {
  const me = await getMe();
  if (!me?.membership?.permissions.includes('org.users.manage')) forbidden();
  return (
    <>
      <h1>People joining {me.membership.organization.name}</h1>
      <section className="card" aria-labelledby="code">
        <h2 id="code">Invitation code</h2>
        <p>Colleagues register at the join page with this code. You approve each request before they can sign in.</p>
        <InvitationCode />
      </section>
      <section className="card" aria-labelledby="waiting">
        <h2 id="waiting">Waiting for your approval</h2>
        <PendingJoinRequests timeZone={me.user.timeZone} />
      </section>
    </>
  );
}
