import { hkdfSync } from 'node:crypto';
import { jwtDecrypt, type JWTPayload } from 'jose';

/** next-auth's `info` for the key of its session cookie (its jwt module; no salt for the session token). */
const KEY_INFO = 'NextAuth.js Generated Encryption Key';
const keys = new Map<string, Uint8Array>();

/**
 * The key next-auth encrypts its session cookie with: HKDF-SHA256 of the secret, as next-auth's
 * own `decode` derives it — on every call, which cost 3–4 % of a checkout submit's CPU. Derived
 * once per secret here (there are one or two: the secret, and the next one while it rotates).
 */
function encryptionKey(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync('sha256', secret, '', KEY_INFO, 32));
    keys.set(secret, key);
  }
  return key;
}

/**
 * The payload of a next-auth session cookie (a JWE, `dir` + A256GCM), checked as next-auth's
 * `decode` checks it: the same key, the expiry with 15 seconds of clock tolerance. Null when the
 * cookie does not decrypt, is malformed or has expired.
 */
export async function decodeSessionToken(token: string, secret: string): Promise<JWTPayload | null> {
  try {
    const { payload } = await jwtDecrypt(token, encryptionKey(secret), { clockTolerance: 15 });
    return payload;
  } catch {
    return null;
  }
}
