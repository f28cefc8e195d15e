import { describe, expect, it } from 'vitest';
import { answerRefusal, awaitsAnswer } from './questions';

const t = new Date('2026-11-23T10:00:00Z');

describe('whether an order waits for the requester’s answer', () => {
  it.each<[string, boolean, { answeredAt: Date | null; stepPending: boolean }[], boolean]>([
    ['no question', true, [], false],
    ['an open question on a pending step', true, [{ answeredAt: null, stepPending: true }], true],
    ['an answered question', true, [{ answeredAt: t, stepPending: true }], false],
    ['an open question on a step decided meanwhile', true, [{ answeredAt: null, stepPending: false }], false],
    ['an open question on an order no longer pending', false, [{ answeredAt: null, stepPending: true }], false],
  ])('%s', (_, pending, questions, expected) => {
    expect(awaitsAnswer(pending, questions)).toBe(expected);
  });
});

describe('who may answer', () => {
  it.each<[string, boolean, boolean, number, string | null]>([
    ['the requester, once asked', true, true, 1, null],
    ['the requester again after answering (both answers kept)', true, true, 2, null],
    ['someone else', false, true, 1, 'forbidden'],
    ['the requester of a decided order', true, false, 1, 'conflict'],
    ['the requester before anyone asked', true, true, 0, 'conflict'],
  ])('%s', (_, isRequester, pending, asked, code) => {
    expect(answerRefusal(isRequester, pending, asked)?.code ?? null).toBe(code);
  });
});
