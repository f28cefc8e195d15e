'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import styles from './notify-me.module.css';
import { sendTestNotification, subscribeThisDevice, unsubscribeThisDevice } from './push-actions';

type State = 'checking' | 'unsupported' | 'blocked' | 'off' | 'on';

const SAYS: Record<State, string> = {
  checking: '',
  // Safari on iOS offers pushes only to a site added to the Home Screen and opened from there.
  unsupported:
    'This browser cannot show notifications from Countersign. On an iPhone or iPad, add Countersign to the Home Screen (Share → Add to Home Screen) and open it from there.',
  blocked: 'Notifications are blocked for this site in your browser’s settings.',
  off: 'Notifications are off on this device.',
  on: 'Notifications are on for this device.',
};

function supported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/**
 * Where this browser stands, without registering anything: only a worker registered by a tap is
 * looked at. A subscription the server no longer has (stopped from the list, or forgotten after
 * the push service dropped it) counts as off, so a tap subscribes again.
 */
async function currentState(known: readonly string[] | undefined): Promise<State> {
  if (!supported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  const registration = await navigator.serviceWorker.getRegistration('/');
  const subscription = await registration?.pushManager.getSubscription();
  const saved = subscription && (!known || known.includes(subscription.endpoint));
  return saved && Notification.permission === 'granted' ? 'on' : 'off';
}

/**
 * "Notify me on this device": asks the browser's permission only after the tap, then registers
 * the service worker and subscribes (code loaded on that tap), and tells the server. "Turn off"
 * unsubscribes both sides.
 */
export function NotifyMeButton({
  publicKey,
  offerTest = false,
  compact = false,
  knownEndpoints,
}: {
  publicKey: string;
  /** The endpoints the server holds for this person, when the page has them. */
  knownEndpoints?: readonly string[];
  offerTest?: boolean;
  /** Only the button, and only while it can be used (the inbox: no word about the other states). */
  compact?: boolean;
}) {
  const router = useRouter();
  const [state, setState] = useState<State>('checking');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  const known = knownEndpoints?.join('\n');
  useEffect(() => {
    currentState(known === undefined ? undefined : known.split('\n')).then(setState, () => setState('unsupported'));
  }, [known]);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch (error) {
      setMessage({ tone: 'error', text: error instanceof Error ? error.message : 'Something went wrong.' });
    } finally {
      setBusy(false);
      router.refresh();
    }
  }

  const turnOn = () =>
    run(async () => {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        setState(permission === 'denied' ? 'blocked' : 'off');
        return;
      }
      const { subscribeBrowser, unsubscribeBrowser } = await import('./push-device');
      const subscription = await subscribeBrowser(publicKey);
      const saved = await subscribeThisDevice({ ...subscription, userAgent: navigator.userAgent.slice(0, 300) });
      if (!saved.ok) {
        await unsubscribeBrowser();
        throw new Error(saved.message);
      }
      setState('on');
      // The inbox shows no state line: say it there once.
      if (compact) setMessage({ tone: 'success', text: SAYS.on });
    });

  const turnOff = () =>
    run(async () => {
      const { unsubscribeBrowser } = await import('./push-device');
      const endpoint = await unsubscribeBrowser();
      if (endpoint) await unsubscribeThisDevice({ endpoint });
      setState('off');
    });

  const test = () =>
    run(async () => {
      const sent = await sendTestNotification();
      if (!sent.ok) throw new Error(sent.message);
      setMessage({ tone: 'success', text: 'A test notification is on its way.' });
    });

  if (compact && state !== 'off' && !message) return null;
  return (
    <div className={compact ? styles.compact : styles.notify} data-testid="notify-me" data-state={state}>
      {state !== 'checking' && !compact && <p className={styles.state}>{SAYS[state]}</p>}
      {state === 'off' && (
        <button type="button" className={compact ? 'button' : 'button button-primary'} onClick={turnOn} disabled={busy}>
          {compact ? (
            <>
              Notify me<span className="visually-hidden"> on this device</span>
            </>
          ) : (
            'Notify me on this device'
          )}
        </button>
      )}
      {state === 'on' && (
        <>
          <button type="button" className="button" onClick={turnOff} disabled={busy}>
            Turn off
          </button>
          {offerTest && (
            <button type="button" className="button" onClick={test} disabled={busy}>
              Send a test notification
            </button>
          )}
        </>
      )}
      {message && (
        <p
          className={message.tone === 'error' ? 'field-error' : styles.state}
          role={message.tone === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
