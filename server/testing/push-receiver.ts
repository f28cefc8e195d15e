import { createECDH, createPublicKey, createDecipheriv, hkdfSync, randomBytes, verify } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A push service of our own for tests, without the internet: an HTTP server that accepts what the
 * app posts to a subscription endpoint, checks its VAPID signature and decrypts its body with the
 * keys the test made as a browser would (RFC 8291, aes128gcm of RFC 8188). Used by Vitest and by
 * the Playwright specs.
 */

const b64u = (bytes: Buffer) => bytes.toString('base64url');
const fromB64u = (text: string) => Buffer.from(text, 'base64url');

/** What a browser keeps for a subscription: its P-256 key pair and 16-byte auth secret. */
export type BrowserKeys = { p256dh: string; auth: string; privateKey: string };

/** A key pair and auth secret made as a browser makes them (base64url, the public key uncompressed). */
export function browserKeys(): BrowserKeys {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(randomBytes(16)), privateKey: b64u(ecdh.getPrivateKey()) };
}

/**
 * Decrypts an aes128gcm Web Push body for the browser holding `keys`: the header (salt, record
 * size, the sender's public key), the input key from ECDH and the auth secret, the content key and
 * nonce from it, then AES-128-GCM and the padding stripped.
 */
export function decryptPush(body: Buffer, keys: BrowserKeys): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body.readUInt8(20);
  const senderPublic = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  if (record.length > recordSize) throw new Error('more than one record: not what a push carries');

  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(fromB64u(keys.privateKey));
  const browserPublic = fromB64u(keys.p256dh);
  const shared = ecdh.computeSecret(senderPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), browserPublic, senderPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, fromB64u(keys.auth), keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));

  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then any number of zero bytes of padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('no last-record delimiter after the content');
  return padded.subarray(0, end).toString('utf8');
}

/** The claims of a VAPID token whose ES256 signature verified against the key it names. */
export type VapidClaims = { aud: string; exp: number; sub: string; publicKey: string };

/** Checks `Authorization: vapid t=<JWT>, k=<public key>`: the signature over the JWT with that key. */
export function verifyVapid(authorization: string | undefined): VapidClaims {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(authorization ?? '');
  if (!match?.[1] || !match[2]) throw new Error(`not a VAPID authorization: ${authorization}`);
  const [header = '', payload = '', signature = ''] = match[1].split('.');
  const point = fromB64u(match[2]);
  if (point.length !== 65 || point[0] !== 4) throw new Error('the VAPID key is not an uncompressed P-256 point');
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33)) },
    format: 'jwk',
  });
  const signed = Buffer.from(`${header}.${payload}`);
  if (!verify('sha256', signed, { key, dsaEncoding: 'ieee-p1363' }, fromB64u(signature))) {
    throw new Error('the VAPID signature does not verify');
  }
  const alg = (JSON.parse(fromB64u(header).toString()) as { alg?: string }).alg;
  if (alg !== 'ES256') throw new Error(`the VAPID token is signed with ${alg}`);
  const claims = JSON.parse(fromB64u(payload).toString()) as Omit<VapidClaims, 'publicKey'>;
  return { ...claims, publicKey: match[2] };
}

/** One request the receiver accepted. */
export type ReceivedPush = { path: string; headers: http.IncomingHttpHeaders; body: Buffer; status: number };

export type PushReceiver = {
  /** An endpoint URL on this receiver. */
  endpoint: (path: string) => string;
  origin: string;
  received: ReceivedPush[];
  /** The status to answer the next requests with, in order; 201 once they run out. */
  answer: (...statuses: number[]) => void;
  /** Resolves with the first request (from now on, or already received) whose path is `path`. */
  next: (path: string, timeoutMs?: number) => Promise<ReceivedPush>;
  close: () => Promise<void>;
};

/** Starts a push service on a free local port (127.0.0.1). */
export async function startPushReceiver(): Promise<PushReceiver> {
  const received: ReceivedPush[] = [];
  const answers: number[] = [];
  const waiting: { path: string; resolve: (push: ReceivedPush) => void }[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const status = answers.shift() ?? 201;
      const push = { path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks), status };
      received.push(push);
      for (const waiter of waiting.filter((candidate) => candidate.path === push.path)) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve(push);
      }
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    endpoint: (path) => `${origin}${path.startsWith('/') ? path : `/${path}`}`,
    received,
    answer: (...statuses) => answers.push(...statuses),
    next: (path, timeoutMs = 10_000) => {
      const already = received.find((push) => push.path === path);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no push reached ${path}`)), timeoutMs);
        waiting.push({
          path,
          resolve: (push) => {
            clearTimeout(timer);
            resolve(push);
          },
        });
      });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
