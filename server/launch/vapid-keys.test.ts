import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLocalVapidKeys } from './vapid-keys';

const folders: string[] = [];
afterEach(async () => {
  delete process.env.VAPID_PUBLIC_KEY;
  delete process.env.VAPID_PRIVATE_KEY;
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function tempFolder() {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'vapid-'));
  folders.push(folder);
  return path.join(folder, 'data');
}

describe('loadLocalVapidKeys', () => {
  it('makes a pair once, says so, keeps it private, and uses the same pair on the next start', async () => {
    const folder = await tempFolder();
    const lines: string[] = [];
    await loadLocalVapidKeys(folder, (line) => lines.push(line));
    const first = { publicKey: process.env.VAPID_PUBLIC_KEY, privateKey: process.env.VAPID_PRIVATE_KEY };
    expect(first.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(first.privateKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(lines.join('\n')).toContain('Generated VAPID keys');
    const file = path.join(folder, 'vapid-keys.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(first);
    expect((await stat(file)).mode & 0o077).toBe(0);

    delete process.env.VAPID_PUBLIC_KEY;
    delete process.env.VAPID_PRIVATE_KEY;
    await loadLocalVapidKeys(folder, (line) => lines.push(line));
    expect({ publicKey: process.env.VAPID_PUBLIC_KEY, privateKey: process.env.VAPID_PRIVATE_KEY }).toEqual(first);
  });

  it('leaves keys set in the environment alone', async () => {
    const folder = await tempFolder();
    process.env.VAPID_PUBLIC_KEY = 'from-the-environment';
    process.env.VAPID_PRIVATE_KEY = 'secret-from-the-environment';
    await loadLocalVapidKeys(folder, () => undefined);
    expect(process.env.VAPID_PUBLIC_KEY).toBe('from-the-environment');
    await expect(stat(path.join(folder, 'vapid-keys.json'))).rejects.toThrow();
  });
});
