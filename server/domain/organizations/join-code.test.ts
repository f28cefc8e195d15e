import { expect, it } from 'vitest';
import { formatJoinCode, normalizeJoinCode } from './join-code';

it('makes readable codes without ambiguous characters', () => {
  const code = formatJoinCode(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 255]));
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  expect(code).not.toMatch(/[01OIL]/);
});

it('accepts a code typed in any case, with spaces or without dashes', () => {
  expect(normalizeJoinCode(' abcd efgh jkmn ')).toBe('ABCD-EFGH-JKMN');
  expect(normalizeJoinCode('abcdefghjkmn')).toBe('ABCD-EFGH-JKMN');
  expect(normalizeJoinCode('short')).toBe('SHORT');
});
