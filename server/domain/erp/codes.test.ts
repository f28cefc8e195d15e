import { describe, expect, it } from 'vitest';
import { parseCustomerCode, parseExcludedCodes } from './codes';

describe('parseCustomerCode', () => {
  it('trims and upper-cases', () => {
    expect(parseCustomerCode(' c1001 ')).toEqual({ ok: true, code: 'C1001' });
    expect(parseCustomerCode('AB-12/3_x.y')).toEqual({ ok: true, code: 'AB-12/3_X.Y' });
  });

  it('refuses empty, over-long and odd codes', () => {
    expect(parseCustomerCode('')).toMatchObject({ ok: false, message: 'customer_code is empty.' });
    expect(parseCustomerCode('A'.repeat(51))).toMatchObject({
      ok: false,
      message: expect.stringContaining('longer than 50'),
    });
    expect(parseCustomerCode('C 1')).toMatchObject({
      ok: false,
      message: expect.stringContaining('only letters, digits'),
    });
    expect(parseCustomerCode('A'.repeat(50))).toMatchObject({ ok: true });
  });
});

describe('parseExcludedCodes', () => {
  it('splits on commas and new lines, ignores blanks and repeats, sorts', () => {
    expect(parseExcludedCodes('c9001, C2002\n\nC9001\r\nA1,')).toEqual({ ok: true, codes: ['A1', 'C2002', 'C9001'] });
    expect(parseExcludedCodes('  ')).toEqual({ ok: true, codes: [] });
  });

  it('names every bad code', () => {
    expect(parseExcludedCodes('C1, bad code, C2, $$')).toEqual({
      ok: false,
      problems: [
        'The code "BAD CODE" may contain only letters, digits and . _ - /',
        'The code "$$" may contain only letters, digits and . _ - /',
      ],
    });
  });
});
