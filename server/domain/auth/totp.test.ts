import { describe, expect, it } from 'vitest';
import { checkTotpCode, totpOf, totpUri } from './totp';

// RFC 6238's SHA-1 test secret ("12345678901234567890"), base32.
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const now = new Date('2025-03-10T08:00:15Z');
const stepOf = (at: Date) => Math.floor(at.getTime() / 30_000);
const codeAt = (stepsFromNow: number) => totpOf(SECRET).generate({ timestamp: now.getTime() + stepsFromNow * 30_000 });

describe('checkTotpCode', () => {
  it.each([
    ['the current step', 0],
    ['the previous step', -1],
    ['the next step', 1],
  ])('accepts a code of %s, naming that step', (_name, offset) => {
    expect(checkTotpCode({ secretBase32: SECRET, code: codeAt(offset), now, lastUsedStep: null })).toEqual({
      ok: true,
      step: stepOf(now) + offset,
    });
  });

  it.each([
    ['two steps back', -2],
    ['two steps ahead', 2],
    ['ten steps back', -10],
  ])('refuses a code from %s', (_name, offset) => {
    expect(checkTotpCode({ secretBase32: SECRET, code: codeAt(offset), now, lastUsedStep: null })).toEqual({
      ok: false,
      reason: 'wrong',
    });
  });

  it('refuses the same step a second time, and any earlier step once a later one was used', () => {
    const first = checkTotpCode({ secretBase32: SECRET, code: codeAt(0), now, lastUsedStep: null });
    expect(first.ok).toBe(true);
    const used = stepOf(now);
    expect(checkTotpCode({ secretBase32: SECRET, code: codeAt(0), now, lastUsedStep: used })).toEqual({
      ok: false,
      reason: 'replayed',
    });
    expect(checkTotpCode({ secretBase32: SECRET, code: codeAt(-1), now, lastUsedStep: used })).toEqual({
      ok: false,
      reason: 'replayed',
    });
    expect(checkTotpCode({ secretBase32: SECRET, code: codeAt(1), now, lastUsedStep: used })).toEqual({
      ok: true,
      step: used + 1,
    });
  });

  it('reads a code typed with a space or a dash, and refuses anything that is not six digits', () => {
    const code = codeAt(0);
    const spaced = `${code.slice(0, 3)} ${code.slice(3)}`;
    expect(checkTotpCode({ secretBase32: SECRET, code: spaced, now, lastUsedStep: null }).ok).toBe(true);
    for (const typed of ['', '12345', '1234567', 'abcdef']) {
      expect(checkTotpCode({ secretBase32: SECRET, code: typed, now, lastUsedStep: null })).toEqual({
        ok: false,
        reason: 'wrong',
      });
    }
  });

  it('matches RFC 6238 (SHA-1, 6 digits) at its published time 59 s', () => {
    expect(totpOf(SECRET).generate({ timestamp: 59_000 })).toBe('287082');
  });
});

describe('totpUri', () => {
  it('names Countersign and the account, and carries the secret', () => {
    const uri = totpUri(SECRET, 'ana@example.com');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Countersign:ana%40example\.com\?/);
    expect(uri).toContain(`secret=${SECRET}`);
    expect(uri).toContain('issuer=Countersign');
  });
});
