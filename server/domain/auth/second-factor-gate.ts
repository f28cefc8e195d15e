/**
 * Where a session stands with the second factor:
 * - satisfied: it may do anything its permissions allow;
 * - code_needed: the password was right, the code from the app (or a recovery code) is still to come;
 * - setup_needed: the member must have a second factor, has none, and this session is not strong.
 */
export type SecondFactorGate = 'satisfied' | 'code_needed' | 'setup_needed';

/** How the login stands: it has a confirmed authenticator app, or must have one, or may do without. */
export type FactorStanding = 'has_factor' | 'required' | 'optional';

/** The gate for one request, from the session row and the login's standing. */
export function secondFactorGate(input: {
  pendingSince: Date | null;
  strongSince: Date | null;
  standing: FactorStanding;
}): SecondFactorGate {
  if (input.pendingSince) return 'code_needed';
  if (input.strongSince) return 'satisfied';
  return input.standing === 'required' ? 'setup_needed' : 'satisfied';
}

/** A code not given this long after the password ends the half-open session: sign in again. */
export const CODE_STEP_LIFETIME_MS = 10 * 60_000;

/** Whether a session waiting for its code has waited too long. */
export function codeStepExpired(pendingSince: Date, now: Date): boolean {
  return now.getTime() - pendingSince.getTime() > CODE_STEP_LIFETIME_MS;
}

/** Whether seller staff must use a second factor: always in production, else as seller administrators chose. */
export function staffMustUseSecondFactor(input: { production: boolean; sellerPolicy: boolean }): boolean {
  return input.production || input.sellerPolicy;
}
