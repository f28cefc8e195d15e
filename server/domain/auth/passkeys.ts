export const PASSKEY_NAME_MAX_LENGTH = 60;

export const WEBAUTHN_CHALLENGE_PURPOSES = ['registration', 'sign_in'] as const;
export type WebauthnChallengePurpose = (typeof WEBAUTHN_CHALLENGE_PURPOSES)[number];

/** How long a passkey ceremony may take, from the options to the answer. */
export const WEBAUTHN_CHALLENGE_LIFETIME_MS = 5 * 60_000;

/** Whether the user an authenticator names (its stored user handle) is not the passkey's owner; no handle names nobody. */
export function passkeyOwnerMismatch(passkeyUserId: string, claimedUserId: string | null): boolean {
  return claimedUserId !== null && claimedUserId !== passkeyUserId;
}
