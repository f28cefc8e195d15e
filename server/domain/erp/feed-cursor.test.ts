import { describe, expect, it } from 'vitest';
import {
  decodeFeedCursor,
  encodeFeedCursor,
  FEED_START,
  laterPosition,
  parseFeedLimit,
  parseFeedRequest,
} from './feed-cursor';

const ORDER = '0f8c2a1e-3b4d-4c5e-8f90-a1b2c3d4e5f6';

describe('the feed cursor', () => {
  it('round-trips a position through an opaque, url-safe string', () => {
    const cursor = encodeFeedCursor({ changeXid: 4_294_967_812, orderId: ORDER });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain(ORDER);
    expect(decodeFeedCursor(cursor)).toEqual({ ok: true, value: { changeXid: 4_294_967_812, orderId: ORDER } });
    expect(decodeFeedCursor(encodeFeedCursor(FEED_START))).toEqual({ ok: true, value: FEED_START });
  });

  it('keeps the largest transaction ids a number can hold exactly', () => {
    const position = { changeXid: Number.MAX_SAFE_INTEGER, orderId: ORDER };
    expect(decodeFeedCursor(encodeFeedCursor(position))).toEqual({ ok: true, value: position });
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['empty', ''],
    ['too long', 'A'.repeat(201)],
    ['not base64', '%%%'],
    ['another version', btoa(`2:10:${ORDER}`).replace(/=+$/, '')],
    ['a negative id', btoa(`1:-10:${ORDER}`).replace(/=+$/, '')],
    ['a fractional id', btoa(`1:1.5:${ORDER}`).replace(/=+$/, '')],
    ['an id beyond exact numbers', btoa(`1:9999999999999999:${ORDER}`).replace(/=+$/, '')],
    ['a bad order id', btoa('1:10:not-a-uuid').replace(/=+$/, '')],
    ['extra parts', btoa(`1:10:${ORDER}:x`).replace(/=+$/, '')],
  ])('refuses %s with a message saying what to send', (_label, text) => {
    expect(decodeFeedCursor(text)).toEqual({
      ok: false,
      message: expect.stringContaining('Pass the nextCursor of the previous page unchanged'),
    });
  });
});

describe('the feed limit', () => {
  it('defaults to 100 and accepts 1 to 500', () => {
    expect(parseFeedLimit(null)).toEqual({ ok: true, value: 100 });
    expect(parseFeedLimit('')).toEqual({ ok: true, value: 100 });
    expect(parseFeedLimit('1')).toEqual({ ok: true, value: 1 });
    expect(parseFeedLimit('500')).toEqual({ ok: true, value: 500 });
  });

  it.each(['0', '501', '-1', '2.5', 'ten', '1e2', ' 5'])('refuses %j', (text) => {
    expect(parseFeedLimit(text)).toEqual({ ok: false, message: 'The limit must be a whole number from 1 to 500.' });
  });
});

describe('parseFeedRequest', () => {
  it('starts from the beginning without a cursor', () => {
    expect(parseFeedRequest(new URLSearchParams(''))).toEqual({
      ok: true,
      value: { position: FEED_START, limit: 100 },
    });
  });

  it('reads both parameters, and reports a bad one', () => {
    const cursor = encodeFeedCursor({ changeXid: 77, orderId: ORDER });
    expect(parseFeedRequest(new URLSearchParams({ cursor, limit: '5' }))).toEqual({
      ok: true,
      value: { position: { changeXid: 77, orderId: ORDER }, limit: 5 },
    });
    expect(parseFeedRequest(new URLSearchParams({ cursor: 'nope' }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('cursor is not valid'),
    });
    expect(parseFeedRequest(new URLSearchParams({ cursor, limit: '1000' }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('limit'),
    });
  });
});

describe('laterPosition', () => {
  it('orders by transaction id, then by order id', () => {
    const a = { changeXid: 10, orderId: 'ffffffff-0000-4000-8000-000000000000' };
    const b = { changeXid: 11, orderId: '00000000-0000-4000-8000-000000000000' };
    const c = { changeXid: 11, orderId: '10000000-0000-4000-8000-000000000000' };
    expect(laterPosition(a, b)).toBe(b);
    expect(laterPosition(c, b)).toBe(c);
    expect(laterPosition(b, c)).toBe(c);
  });
});
