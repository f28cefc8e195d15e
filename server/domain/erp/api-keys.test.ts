import { describe, expect, it } from 'vitest';
import { apiKeyPrefix, bearerToken, formatApiKey, isWellFormedApiKey, shouldRecordUse } from './api-keys';

const RANDOM = 'AbCd1234_-efgh5678IJKL9012mnop3456qrstUVWX7';

describe('API keys', () => {
  it('look like cs_live_ and 32+ url-safe characters; staff see the first 16 characters', () => {
    const key = formatApiKey(RANDOM);
    expect(key).toBe(`cs_live_${RANDOM}`);
    expect(isWellFormedApiKey(key)).toBe(true);
    expect(apiKeyPrefix(key)).toBe('cs_live_AbCd1234');
  });

  it('refuse a random part that is short or not url-safe', () => {
    expect(() => formatApiKey('short')).toThrow();
    expect(() => formatApiKey(`${RANDOM}+/`)).toThrow();
  });

  it.each([
    '',
    'cs_live_',
    'cs_test_AbCd1234efgh5678IJKL9012mnop3456',
    `cs_live_${'a'.repeat(31)}`,
    `cs_live_${RANDOM} `,
    `CS_LIVE_${RANDOM}`,
  ])('do not accept %j as a key', (text) => {
    expect(isWellFormedApiKey(text)).toBe(false);
  });
});

describe('bearerToken', () => {
  it('reads the token of a Bearer header', () => {
    expect(bearerToken('Bearer cs_live_abc')).toBe('cs_live_abc');
    expect(bearerToken('bearer   cs_live_abc ')).toBe('cs_live_abc');
  });

  it('gives nothing for a missing header, another scheme or an empty token', () => {
    expect(bearerToken(null)).toBeNull();
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeNull();
    expect(bearerToken('Bearer ')).toBeNull();
    expect(bearerToken('Bearer a b')).toBeNull();
  });
});

describe('shouldRecordUse', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  it('records the first use and then at most once a minute', () => {
    expect(shouldRecordUse(null, now)).toBe(true);
    expect(shouldRecordUse(new Date('2026-11-23T09:59:30Z'), now)).toBe(false);
    expect(shouldRecordUse(new Date('2026-11-23T09:59:00Z'), now)).toBe(true);
  });
});
