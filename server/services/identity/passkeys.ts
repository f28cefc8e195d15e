import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { and, asc, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { passkeys, users, webauthnChallenges } from '@/db/schema';
import {
  passkeyOwnerMismatch,
  WEBAUTHN_CHALLENGE_LIFETIME_MS,
  type WebauthnChallengePurpose,
} from '@/server/domain/auth/passkeys';
import { describeRetryAfter, SIGN_IN_LIMITS } from '@/server/domain/auth/rate-limit';
import { conflict, DomainError, notFound } from '@/server/domain/errors';
import type { RegisterPasskeyInput } from '@/server/schemas/passkeys';
import { checkRateLimits, countRateLimitedEvent, type LimitedKey } from './rate-limits';
import { openSession, type SessionRequest, type SignInOutcome } from './sign-in';

/** The relying party a ceremony is checked against: APP_URL's host name and origin. */
export type RelyingParty = { id: string; origin: string; name: string };

/** The user handle stored in a passkey: the user's id, so an answer names whose passkey it is. */
function userHandleOf(userId: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(userId, 'utf8'));
}

function userIdOfHandle(handle: string | undefined): string | null {
  return handle ? Buffer.from(handle, 'base64url').toString('utf8') : null;
}

async function issueChallenge(
  db: Executor,
  input: { purpose: WebauthnChallengePurpose; userId: string | null; challenge: string; now: Date },
): Promise<string> {
  // Old challenges go as new ones come, so the table holds only minutes of traffic.
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, input.now));
  const [row] = await db
    .insert(webauthnChallenges)
    .values({
      purpose: input.purpose,
      userId: input.userId,
      challenge: input.challenge,
      expiresAt: new Date(input.now.getTime() + WEBAUTHN_CHALLENGE_LIFETIME_MS),
    })
    .returning({ id: webauthnChallenges.id });
  if (!row) throw new Error('could not store a challenge');
  return row.id;
}

/** Uses up a challenge: the delete makes it single use, even with two instances answering at once. */
async function takeChallenge(
  db: Executor,
  input: { id: string; purpose: WebauthnChallengePurpose; userId: string | null; now: Date },
): Promise<string | null> {
  const [row] = await db
    .delete(webauthnChallenges)
    .where(
      and(
        eq(webauthnChallenges.id, input.id),
        eq(webauthnChallenges.purpose, input.purpose),
        input.userId ? eq(webauthnChallenges.userId, input.userId) : isNull(webauthnChallenges.userId),
        gt(webauthnChallenges.expiresAt, input.now),
      ),
    )
    .returning({ challenge: webauthnChallenges.challenge });
  return row?.challenge ?? null;
}

/** The member's passkeys, oldest first, as My account lists them. */
export async function listPasskeys(db: Executor, userId: string) {
  return db
    .select({ id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

/** Options for the browser to create a passkey for this user, and the id of the challenge they carry. */
export async function passkeyRegistrationOptions(
  db: Database,
  input: { user: { id: string; email: string; name: string }; rp: RelyingParty; now: Date },
): Promise<{ challengeId: string; options: PublicKeyCredentialCreationOptionsJSON }> {
  const existing = await db
    .select({ credentialId: passkeys.credentialId, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.userId, input.user.id));
  const options = await generateRegistrationOptions({
    rpName: input.rp.name,
    rpID: input.rp.id,
    userName: input.user.email,
    userDisplayName: input.user.name,
    userID: userHandleOf(input.user.id),
    attestationType: 'none',
    // A discoverable credential: signing in with it needs no email typed first.
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    excludeCredentials: existing.map((row) => ({
      id: row.credentialId,
      transports: row.transports as AuthenticatorTransportFuture[],
    })),
  });
  const challengeId = await issueChallenge(db, {
    purpose: 'registration',
    userId: input.user.id,
    challenge: options.challenge,
    now: input.now,
  });
  return { challengeId, options };
}

const NOT_CHECKED = 'Your device’s answer could not be checked. Please try again.';

/** Checks the browser's new credential against the user's challenge and keeps it under the chosen name. */
export async function registerPasskey(
  db: Database,
  input: RegisterPasskeyInput & { userId: string; rp: RelyingParty; now: Date },
): Promise<{ id: string; name: string }> {
  const challenge = await takeChallenge(db, {
    id: input.challengeId,
    purpose: 'registration',
    userId: input.userId,
    now: input.now,
  });
  if (!challenge) {
    throw new DomainError('precondition_failed', 'Adding the passkey took too long. Please start again.');
  }
  const verification = await verifyRegistrationResponse({
    response: input.response as unknown as RegistrationResponseJSON,
    expectedChallenge: challenge,
    expectedOrigin: input.rp.origin,
    expectedRPID: input.rp.id,
    requireUserVerification: true,
  }).catch(() => null);
  if (!verification?.verified) throw new DomainError('invalid', NOT_CHECKED);
  const { credential } = verification.registrationInfo;
  const [row] = await db
    .insert(passkeys)
    .values({
      userId: input.userId,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey),
      counter: credential.counter,
      transports: credential.transports ?? [],
      name: input.name,
      createdAt: input.now,
    })
    .onConflictDoNothing({ target: passkeys.credentialId })
    .returning({ id: passkeys.id, name: passkeys.name });
  if (!row) throw conflict('This passkey is already registered.');
  return row;
}

/** Renames one of the member's own passkeys. */
export async function renamePasskey(db: Executor, input: { userId: string; passkeyId: string; name: string }) {
  const [row] = await db
    .update(passkeys)
    .set({ name: input.name })
    .where(and(eq(passkeys.id, input.passkeyId), eq(passkeys.userId, input.userId)))
    .returning({ id: passkeys.id, name: passkeys.name });
  if (!row) throw notFound('That passkey');
  return row;
}

/** Removes one of the member's own passkeys: it signs no one in from now on. */
export async function removePasskey(db: Executor, input: { userId: string; passkeyId: string }) {
  const [row] = await db
    .delete(passkeys)
    .where(and(eq(passkeys.id, input.passkeyId), eq(passkeys.userId, input.userId)))
    .returning({ id: passkeys.id });
  if (!row) throw notFound('That passkey');
  return { removed: true };
}

/**
 * Options for a passkey sign-in, for anyone: no allowed credentials, so the browser offers the
 * passkeys it holds for this site. The handle names the challenge when the answer comes back.
 */
export async function passkeySignInOptions(
  db: Database,
  input: { rp: RelyingParty; now: Date },
): Promise<{ handle: string; options: PublicKeyCredentialRequestOptionsJSON }> {
  const options = await generateAuthenticationOptions({ rpID: input.rp.id, userVerification: 'required' });
  const handle = await issueChallenge(db, {
    purpose: 'sign_in',
    userId: null,
    challenge: options.challenge,
    now: input.now,
  });
  return { handle, options };
}

export type PasskeySignInRequest = SessionRequest & {
  handle: string;
  response: AuthenticationResponseJSON;
  rp: RelyingParty;
};

const PASSKEY_REFUSED = 'This passkey could not sign you in. Try again, or sign in with your password.';
export const PASSKEY_UNKNOWN = 'This passkey is not registered with Countersign any more. Sign in with your password.';
const CEREMONY_EXPIRED = 'Signing in with the passkey took too long. Please try again.';

/**
 * Signs in with a passkey: the challenge it answers (once, within minutes), a credential still on
 * file whose owner is the user the authenticator names, a valid signature with user verification,
 * a counter that moved on — then the same checks and session as a password sign-in.
 */
export async function signInWithPasskey(db: Database, request: PasskeySignInRequest): Promise<SignInOutcome> {
  const addressKey: LimitedKey = { key: `sign-in:address:${request.ipAddress}`, rule: SIGN_IN_LIMITS.perAddress };
  const verdict = await checkRateLimits(db, [addressKey], request.now);
  if (!verdict.allowed) {
    return {
      ok: false,
      code: 'rate_limited',
      message: `Too many sign-in attempts. Try again in ${describeRetryAfter(verdict.retryAfterMs)}.`,
    };
  }
  const refuse = async (message: string): Promise<SignInOutcome> => {
    await countRateLimitedEvent(db, [addressKey], request.now);
    return { ok: false, code: 'invalid_credentials', message };
  };

  const challenge = await takeChallenge(db, { id: request.handle, purpose: 'sign_in', userId: null, now: request.now });
  if (!challenge) return refuse(CEREMONY_EXPIRED);
  const [passkey] = await db.select().from(passkeys).where(eq(passkeys.credentialId, request.response.id));
  if (!passkey) return refuse(PASSKEY_UNKNOWN);
  if (passkeyOwnerMismatch(passkey.userId, userIdOfHandle(request.response.response.userHandle))) {
    return refuse(PASSKEY_REFUSED);
  }
  const verification = await verifyAuthenticationResponse({
    response: request.response,
    expectedChallenge: challenge,
    expectedOrigin: request.rp.origin,
    expectedRPID: request.rp.id,
    requireUserVerification: true,
    credential: {
      id: passkey.credentialId,
      publicKey: new Uint8Array(passkey.publicKey),
      counter: passkey.counter,
      transports: passkey.transports as AuthenticatorTransportFuture[],
    },
  }).catch(() => null);
  if (!verification?.verified) return refuse(PASSKEY_REFUSED);

  // Only if nobody moved the counter meanwhile: a replayed or cloned answer loses here.
  const [used] = await db
    .update(passkeys)
    .set({ counter: verification.authenticationInfo.newCounter, lastUsedAt: request.now })
    .where(and(eq(passkeys.id, passkey.id), eq(passkeys.counter, passkey.counter)))
    .returning({ id: passkeys.id });
  if (!used) return refuse(PASSKEY_REFUSED);

  const [user] = await db.select().from(users).where(eq(users.id, passkey.userId));
  if (!user) return refuse(PASSKEY_UNKNOWN);
  // A passkey with user verification is two factors in one: no code is asked for.
  return openSession(db, user, { ...request, strong: true });
}
