import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, looksLikeRecoveryCode, normalizeRecoveryCode, recoveryCodeFrom } from './recovery-codes';

describe('recoveryCodeFrom', () => {
  it('turns 80 bits into four groups of four letters', () => {
    expect(recoveryCodeFrom(new Uint8Array(10))).toBe('0000-0000-0000-0000');
    expect(recoveryCodeFrom(new Uint8Array(10).fill(255))).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    expect(recoveryCodeFrom(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]))).toBe('0000-0000-0000-0001');
  });

  it('refuses any other amount of randomness', () => {
    expect(() => recoveryCodeFrom(new Uint8Array(8))).toThrow();
  });
});

describe('normalizeRecoveryCode and hashRecoveryCode', () => {
  it('hashes the code the same however it is typed', () => {
    const code = 'AB12-CD34-EF56-GH78';
    expect(normalizeRecoveryCode(' ab12 cd34-ef56gh78 ')).toBe('AB12CD34EF56GH78');
    expect(hashRecoveryCode('ab12cd34ef56gh78')).toBe(hashRecoveryCode(code));
    expect(hashRecoveryCode(code)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads the look-alike letters as the digits they resemble', () => {
    expect(normalizeRecoveryCode('OIL0')).toBe('0110');
  });

  it('tells a recovery code from six digits', () => {
    expect(looksLikeRecoveryCode('AB12-CD34-EF56-GH78')).toBe(true);
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
});
