import { describe, expect, it } from 'vitest';
import { EMAIL_TOKEN_LIFETIME_MS, emailTokenState } from './tokens';

const now = new Date('2025-03-10T08:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('emailTokenState', () => {
  it('is usable before it expires and unused', () => {
    expect(emailTokenState({ usedAt: null, expiresAt: later(1) }, now)).toBe('usable');
  });

  it('is expired from the moment of expiry', () => {
    expect(emailTokenState({ usedAt: null, expiresAt: now }, now)).toBe('expired');
  });

  it('reports a used token as used even after it would have expired', () => {
    expect(emailTokenState({ usedAt: later(-1000), expiresAt: later(-1) }, now)).toBe('used');
  });
});

it('gives password reset links one hour and invitations a week', () => {
  expect(EMAIL_TOKEN_LIFETIME_MS.reset_password).toBe(3600_000);
  expect(EMAIL_TOKEN_LIFETIME_MS.set_password).toBe(7 * 24 * 3600_000);
});
