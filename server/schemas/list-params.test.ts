import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { firstParam, listInputFrom, pageParam } from './list-params';
import { memberListSchema } from './members';

describe('listInputFrom', () => {
  it('keeps the good filters when one is malformed', () => {
    const { input, problems } = listInputFrom(memberListSchema, {
      search: 'smith',
      status: 'nonsense',
      unitId: 'not-a-uuid',
      page: 2,
    });
    expect(input).toEqual({ search: 'smith', page: 2, pageSize: 25 });
    expect(problems).toHaveLength(2);
  });

  it('drops an over-long search rather than answering with an error', () => {
    const { input, problems } = listInputFrom(memberListSchema, { search: 'x'.repeat(5_000), page: 1 });
    expect(input.search).toBeUndefined();
    expect(problems).toHaveLength(1);
  });

  it('leaves out the fields a rule across fields names, and keeps the others', () => {
    const schema = z
      .object({ search: z.string().optional(), from: z.string().optional(), to: z.string().optional() })
      .refine((value) => !value.from || !value.to || value.from <= value.to, {
        message: 'The start is after the end.',
        path: ['from'],
      });
    const { input, problems } = listInputFrom(schema, { search: 'pens', from: '2026-12-01', to: '2026-11-01' });
    expect(input).toEqual({ search: 'pens', to: '2026-11-01' });
    expect(problems).toEqual(['The start is after the end.']);
  });

  it('names a filter the list does not know', () => {
    expect(listInputFrom(memberListSchema, { colour: 'red' }).problems).toEqual(['Unknown filter “colour”.']);
  });
});

describe('query parameters', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['  bob  ', 'bob'],
    [['first', 'second'], 'first'],
  ])('firstParam(%j) is %j', (value, expected) => {
    expect(firstParam(value)).toBe(expected);
  });

  it.each([
    [undefined, 1],
    ['abc', 1],
    ['-5', 1],
    ['0', 1],
    ['2.7', 2],
    ['12', 12],
  ])('pageParam(%j) is %j', (value, expected) => {
    expect(pageParam(value)).toBe(expected);
  });
});
