import { describe, expect, it } from 'vitest';
import { codeStepExpired, secondFactorGate, staffMustUseSecondFactor } from './second-factor-gate';

const at = new Date('2025-03-10T08:00:00Z');

describe('secondFactorGate', () => {
  it.each([
    [{ pendingSince: at, strongSince: null, standing: 'has_factor' }, 'code_needed'],
    [{ pendingSince: at, strongSince: null, standing: 'required' }, 'code_needed'],
    [{ pendingSince: null, strongSince: at, standing: 'required' }, 'satisfied'],
    [{ pendingSince: null, strongSince: null, standing: 'required' }, 'setup_needed'],
    [{ pendingSince: null, strongSince: null, standing: 'optional' }, 'satisfied'],
    [{ pendingSince: null, strongSince: null, standing: 'has_factor' }, 'satisfied'],
  ] as const)('%o → %s', (input, gate) => {
    expect(secondFactorGate(input)).toBe(gate);
  });
});

describe('codeStepExpired', () => {
  it('gives ten minutes to type the code', () => {
    expect(codeStepExpired(at, new Date(at.getTime() + 10 * 60_000))).toBe(false);
    expect(codeStepExpired(at, new Date(at.getTime() + 10 * 60_000 + 1))).toBe(true);
  });
});

describe('staffMustUseSecondFactor', () => {
  it('is always so in production, and as seller administrators chose elsewhere', () => {
    expect(staffMustUseSecondFactor({ production: true, sellerPolicy: false })).toBe(true);
    expect(staffMustUseSecondFactor({ production: false, sellerPolicy: true })).toBe(true);
    expect(staffMustUseSecondFactor({ production: false, sellerPolicy: false })).toBe(false);
  });
});
