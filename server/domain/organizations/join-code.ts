// No 0/O, 1/I/L: a code is read aloud and typed from paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A code like "ABCD-EFGH-JKMN" from 12 random bytes (the caller supplies them: this module has no randomness). */
export function formatJoinCode(randomBytes: Uint8Array): string {
  const chars = Array.from(randomBytes.slice(0, 12), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** What people type: any case, spaces or missing dashes. */
export function normalizeJoinCode(input: string): string {
  const compact = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return compact.length === 12
    ? `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`
    : input.trim().toUpperCase();
}
