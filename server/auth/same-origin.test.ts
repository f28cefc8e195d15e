import { describe, expect, it } from 'vitest';
import { isSameOriginRequest } from './same-origin';

const APP_URL = 'https://shop.example.com';
const request = (headers: Record<string, string>, url = 'https://shop.example.com/api/staff/products/A/picture') =>
  new Request(url, { method: 'POST', headers });

describe('isSameOriginRequest', () => {
  it.each([
    ['our origin', { origin: 'https://shop.example.com' }, true],
    ['our origin, same-origin fetch', { origin: 'https://shop.example.com', 'sec-fetch-site': 'same-origin' }, true],
    ['no Origin but a same-origin fetch', { 'sec-fetch-site': 'same-origin' }, true],
    ['another site', { origin: 'https://evil.example.net' }, false],
    ['a sibling subdomain', { origin: 'https://evil.shop.example.com', 'sec-fetch-site': 'same-site' }, false],
    [
      'our Origin but a cross-site fetch',
      { origin: 'https://shop.example.com', 'sec-fetch-site': 'cross-site' },
      false,
    ],
    ['the same host over http', { origin: 'http://shop.example.com' }, false],
    ['the string "null"', { origin: 'null' }, false],
    ['neither header', {}, false],
  ])('%s → %s', (_name, headers, allowed) => {
    expect(isSameOriginRequest(request(headers), APP_URL)).toBe(allowed);
  });

  it('accepts the origin the request was sent to when APP_URL names another (127.0.0.1 for localhost)', () => {
    const local = request({ origin: 'http://127.0.0.1:3000' }, 'http://127.0.0.1:3000/api/staff/products/A/picture');
    expect(isSameOriginRequest(local, 'http://localhost:3000')).toBe(true);
  });
});
