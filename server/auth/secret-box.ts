import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { serverEnv } from '@/server/env';

const VERSION = 'v1';

/** The key for secrets at rest: SECOND_FACTOR_KEY, or one derived from AUTH_SECRET for this purpose only. */
function key(): Buffer {
  const env = serverEnv();
  const material = env.SECOND_FACTOR_KEY ?? env.AUTH_SECRET;
  return Buffer.from(hkdfSync('sha256', material, 'countersign', 'second-factor secret box', 32));
}

/** Encrypts a short secret with AES-256-GCM: "v1.<iv>.<tag>.<ciphertext>", base64url. */
export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), sealed]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Decrypts what sealSecret made; throws when it was changed or sealed with another key. */
export function openSecret(sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || !data) throw new Error('unreadable sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
