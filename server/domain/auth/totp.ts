import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side: a phone's clock a little off, or a code typed as it changed. */
const WINDOW = 1;

/** The TOTP of a base32 secret, labelled as the authenticator app lists it. */
export function totpOf(secretBase32: string, account = ''): TOTP {
  return new TOTP({
    issuer: 'Countersign',
    label: account,
    secret: Secret.fromBase32(secretBase32),
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD_SECONDS,
  });
}

/** The otpauth:// address the QR code carries. */
export function totpUri(secretBase32: string, account: string): string {
  return totpOf(secretBase32, account).toString();
}

/** What a typed code looks like once spaces and dashes people add are taken out. */
export function normalizeTotpCode(code: string): string {
  return code.replace(/[\s-]/g, '');
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'wrong' | 'replayed' };

/**
 * Checks a code against the secret at `now`: the current step or one either side. A step at or
 * before `lastUsedStep` was already used (or is older than one that was), so its code is refused.
 */
export function checkTotpCode(input: {
  secretBase32: string;
  code: string;
  now: Date;
  lastUsedStep: number | null;
}): TotpCheck {
  const code = normalizeTotpCode(input.code);
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: 'wrong' };
  const totp = totpOf(input.secretBase32);
  const timestamp = input.now.getTime();
  const delta = totp.validate({ token: code, timestamp, window: WINDOW });
  if (delta === null) return { ok: false, reason: 'wrong' };
  const step = totp.counter({ timestamp }) + delta;
  if (input.lastUsedStep !== null && step <= input.lastUsedStep) return { ok: false, reason: 'replayed' };
  return { ok: true, step };
}
