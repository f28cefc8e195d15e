/** Single-use email links: what each is for and how long it lives. */
export const EMAIL_TOKEN_PURPOSES = [
  'verify_email',
  'set_password',
  'reset_password',
  'reverify',
  'instant_account',
] as const;
export type EmailTokenPurpose = (typeof EMAIL_TOKEN_PURPOSES)[number];

export const EMAIL_TOKEN_LIFETIME_MS: Record<EmailTokenPurpose, number> = {
  verify_email: 48 * 3600_000,
  set_password: 7 * 24 * 3600_000,
  reset_password: 60 * 60_000,
  reverify: 48 * 3600_000,
  instant_account: 24 * 3600_000,
};

export type EmailTokenState = 'usable' | 'used' | 'expired';

export function emailTokenState(token: { usedAt: Date | null; expiresAt: Date }, now: Date): EmailTokenState {
  if (token.usedAt) return 'used';
  if (now.getTime() >= token.expiresAt.getTime()) return 'expired';
  return 'usable';
}
