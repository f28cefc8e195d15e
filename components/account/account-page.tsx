import type { Me } from '@/components/shell/me';
import { ChangePasswordForm } from './change-password-form';

/** "My account", the same for buyers and staff. */
export function AccountPage({ me }: { me: Me }) {
  return (
    <>
      <h1>My account</h1>
      <section className="card" aria-labelledby="profile">
        <h2 id="profile">Profile</h2>
        <p>
          {me.user.name} · {me.user.email}
        </p>
        {me.accounts.length > 1 && (
          <>
            <p>You can switch between these accounts from the menu bar:</p>
            <ul>
              {me.accounts.map((account) => (
                <li key={account.id}>
                  {account.organizationName}{' '}
                  {!account.usable && <span className="badge badge-bad">{account.problem}</span>}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="password">
        <h2 id="password">Change password</h2>
        <ChangePasswordForm />
      </section>
    </>
  );
}
