import { createHash } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;

/** Crockford's base32: no I, L, O or U, so a code read off paper is not mistyped. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A recovery code from 10 random bytes: 16 letters of 5 bits each (80 bits), shown in groups of
 * four. The randomness comes from the caller so the rule stays testable.
 */
export function recoveryCodeFrom(randomBytes: Uint8Array): string {
  if (randomBytes.length !== 10) throw new Error('a recovery code takes 10 random bytes');
  let bits = 0;
  let value = 0;
  let letters = '';
  for (const byte of randomBytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      letters += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return letters.match(/.{4}/g)?.join('-') ?? letters;
}

/** A typed recovery code as it was issued: capitals, no spaces or dashes, look-alike letters read as digits. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

/** Whether what was typed has the shape of a recovery code rather than an app's six digits. */
export function looksLikeRecoveryCode(code: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]{16}$/.test(normalizeRecoveryCode(code));
}

/**
 * How a recovery code is stored. SHA-256 rather than argon2: each code carries 80 random bits, so
 * there is nothing for a slow hash to protect against guessing, and a fast hash lets the code be
 * found by its hash (a unique index) instead of trying ten argon2 verifications per attempt.
 */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');
}
