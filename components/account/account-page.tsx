import type { Me } from '@/components/shell/me';
import { ChangePasswordForm } from './change-password-form';
import { Devices } from './devices';
import { SecondFactorSection } from '@/components/second-factor/second-factor-section';
import { Passkeys } from './passkeys';
import { TimeZoneForm } from './time-zone-form';

/** Every zone this runtime knows, for My account's list (UTC first: some lists leave it out). */
function knownZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
}

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
      <section className="card" aria-labelledby="time-zone">
        <h2 id="time-zone">Time zone</h2>
        <TimeZoneForm zones={knownZones()} current={me.user.timeZone} chosen={me.user.timeZoneChosen} />
      </section>
      <section className="card" aria-labelledby="password">
        <h2 id="password">Change password</h2>
        <ChangePasswordForm />
      </section>
      <SecondFactorSection timeZone={me.user.timeZone} />
      <Passkeys timeZone={me.user.timeZone} />
      <Devices timeZone={me.user.timeZone} />
    </>
  );
}
