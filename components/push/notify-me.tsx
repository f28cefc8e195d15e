import { formatTimestamp } from '@/server/domain/time';
import { serverCaller } from '@/server/trpc/server';
import { NotifyMeButton } from './notify-me-button';
import styles from './notify-me.module.css';
import { removePushDevice } from './push-actions';

/** "Notify me on this device" on the inbox: only the button, and nothing while pushes are off. */
export async function NotifyMeOnInbox() {
  const status = await (await serverCaller()).notifications.status();
  return status.publicKey ? <NotifyMeButton publicKey={status.publicKey} compact /> : null;
}

/** My account's notifications: this device's switch, and every device that receives them. */
export async function NotificationsSection({ timeZone }: { timeZone: string }) {
  const status = await (await serverCaller()).notifications.status();
  return (
    <section className="card" aria-labelledby="notifications">
      <h2 id="notifications">Notifications</h2>
      {!status.publicKey ? (
        <p>Notifications are not set up on this server.</p>
      ) : (
        <>
          <p>Get a notification on your phone or computer when an order waits for you or yours is decided.</p>
          <NotifyMeButton
            publicKey={status.publicKey}
            offerTest
            knownEndpoints={status.devices.map((device) => device.endpoint)}
          />
          {status.devices.length > 0 && (
            <ul className={styles.devices} aria-label="Devices that receive notifications">
              {status.devices.map((device) => (
                <li key={device.id} className={styles.device}>
                  <span>
                    {device.label}
                    <br />
                    <span className={styles.deviceFacts}>
                      Since {formatTimestamp(device.createdAt, timeZone)}
                      {device.lastSuccessAt
                        ? ` · last notified ${formatTimestamp(device.lastSuccessAt, timeZone)}`
                        : ' · not notified yet'}
                    </span>
                  </span>
                  <form action={removePushDevice.bind(null, device.id)}>
                    <button type="submit" className="button button-small">
                      Stop
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
