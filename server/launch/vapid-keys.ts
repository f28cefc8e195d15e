import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import webpush from 'web-push';

type StoredKeys = { publicKey: string; privateKey: string };

/**
 * Development and local runs: push notifications work without setting VAPID keys. A pair is made
 * once and kept in the data folder beside the embedded PostgreSQL's (git-ignored), so browsers
 * subscribed yesterday still receive pushes today. Keys set in the environment always win.
 */
export async function loadLocalVapidKeys(dataDir: string, log: (line: string) => void): Promise<void> {
  if (process.env.VAPID_PUBLIC_KEY || process.env.VAPID_PRIVATE_KEY) return;
  const file = path.join(dataDir, 'vapid-keys.json');
  let keys = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as StoredKeys)
    .catch(() => null);
  if (!keys?.publicKey || !keys.privateKey) {
    keys = webpush.generateVAPIDKeys();
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
    log(
      `Generated VAPID keys for push notifications in ${file} (set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY in production).`,
    );
  } else {
    log(`Push notifications use the VAPID keys in ${file}.`);
  }
  process.env.VAPID_PUBLIC_KEY = keys.publicKey;
  process.env.VAPID_PRIVATE_KEY = keys.privateKey;
}
