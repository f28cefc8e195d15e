/**
 * API keys of the ERP order feed: `cs_live_` then 43 url-safe characters (32 random bytes). Only a
 * hash is stored; the first characters stay readable so staff can tell keys apart.
 */
export const API_KEY_MARKER = 'cs_live_';
export const API_KEY_NAME_MAX_LENGTH = 100;
/** How many characters of a key (marker included) are kept in clear as its prefix. */
export const API_KEY_PREFIX_LENGTH = 16;
/** last_used_at is written at most this often, so a busy ERP does not write on every call. */
export const LAST_USED_RESOLUTION_MS = 60_000;

const KEY_PATTERN = /^cs_live_[A-Za-z0-9_-]{32,128}$/;

/** The key given to staff, from the random part (32+ url-safe characters). */
export function formatApiKey(randomPart: string): string {
  const key = `${API_KEY_MARKER}${randomPart}`;
  if (!KEY_PATTERN.test(key)) throw new Error('formatApiKey: the random part must be 32 to 128 url-safe characters');
  return key;
}

/** Whether a presented string could be one of our keys at all (checked before any lookup). */
export function isWellFormedApiKey(text: string): boolean {
  return KEY_PATTERN.test(text);
}

/** What staff see of a key: "cs_live_AbCd1234". */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, API_KEY_PREFIX_LENGTH);
}

/** The token of `Authorization: Bearer <token>`, or null when the header is absent or another scheme. */
export function bearerToken(authorization: string | null): string | null {
  const match = authorization?.match(/^Bearer[ \t]+(\S+)[ \t]*$/i);
  return match?.[1] ?? null;
}

/** Whether a key used at `lastUsedAt` should have its last use written again at `now`. */
export function shouldRecordUse(lastUsedAt: Date | null, now: Date): boolean {
  return lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS;
}
