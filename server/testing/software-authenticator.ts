import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';

const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;
const FLAG_ATTESTED_CREDENTIAL = 0x40;

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();
const b64url = (data: Buffer | Uint8Array) => Buffer.from(data).toString('base64url');

function uint32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
}

/**
 * A passkey authenticator in software, as a phone or a security key would answer: one P-256 key
 * pair, 'none' attestation, authenticator data with the user-present and user-verified flags, and
 * a signature counter. Lets tests run the server's WebAuthn verification for real.
 */
export class SoftwareAuthenticator {
  readonly credentialId = randomBytes(16);
  counter: number;
  /** The user handle the relying party stored at registration (base64url), answered at sign-in. */
  userHandle: string | undefined;
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;

  constructor(options: { counter?: number } = {}) {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
    this.counter = options.counter ?? 0;
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  private cosePublicKey(): Uint8Array {
    const jwk = this.publicKey.export({ format: 'jwk' });
    const coordinate = (value: string | undefined) => new Uint8Array(Buffer.from(value ?? '', 'base64url'));
    // COSE_Key: kty EC2 (2), alg ES256 (-7), crv P-256 (1), x, y.
    return isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, coordinate(jwk.x)],
        [-3, coordinate(jwk.y)],
      ]),
    );
  }

  private authenticatorData(rpId: string, options: { verified: boolean; attested: boolean }): Buffer {
    let flags = FLAG_USER_PRESENT;
    if (options.verified) flags |= FLAG_USER_VERIFIED;
    if (options.attested) flags |= FLAG_ATTESTED_CREDENTIAL;
    const parts = [sha256(rpId), Buffer.from([flags]), uint32(this.counter)];
    if (options.attested) {
      const length = Buffer.alloc(2);
      length.writeUInt16BE(this.credentialId.length);
      parts.push(Buffer.alloc(16), length, this.credentialId, Buffer.from(this.cosePublicKey()));
    }
    return Buffer.concat(parts);
  }

  /** The answer to navigator.credentials.create() for these options, as if made at `origin`. */
  register(
    options: PublicKeyCredentialCreationOptionsJSON,
    origin: string,
    answer: { verified?: boolean } = {},
  ): RegistrationResponseJSON {
    this.userHandle = options.user.id;
    const clientData = JSON.stringify({
      type: 'webauthn.create',
      challenge: options.challenge,
      origin,
      crossOrigin: false,
    });
    const authData = this.authenticatorData(options.rp.id ?? new URL(origin).hostname, {
      verified: answer.verified ?? true,
      attested: true,
    });
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Map<string, string> | Uint8Array>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, string>()],
        ['authData', new Uint8Array(authData)],
      ]),
    );
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(Buffer.from(clientData)),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  /**
   * The answer to navigator.credentials.get(): the counter moves on first (unless `counter` sets
   * it), and the user handle is the stored one unless `userHandle` claims another.
   */
  signIn(
    options: PublicKeyCredentialRequestOptionsJSON,
    origin: string,
    answer: { verified?: boolean; counter?: number; userHandle?: string } = {},
  ): AuthenticationResponseJSON {
    this.counter = answer.counter ?? this.counter + 1;
    const rpId = options.rpId ?? new URL(origin).hostname;
    const clientData = Buffer.from(
      JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin, crossOrigin: false }),
    );
    const authData = this.authenticatorData(rpId, { verified: answer.verified ?? true, attested: false });
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientData)]), this.privateKey);
    const userHandle = answer.userHandle ?? this.userHandle;
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientData),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        ...(userHandle ? { userHandle } : {}),
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }
}
