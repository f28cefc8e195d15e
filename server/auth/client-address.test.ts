import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it('uses the address our one proxy appended, not what the client wrote before it', () => {
    const headers = new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' });
    expect(clientAddress(headers, 1)).toBe('203.0.113.7');
  });

  it('cannot be changed by a client that sends its own X-Forwarded-For through the proxy', () => {
    const honest = clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.7' }), 1);
    const spoofed = clientAddress(new Headers({ 'x-forwarded-for': '10.9.8.7, 1.2.3.4, 203.0.113.7' }), 1);
    expect(spoofed).toBe(honest);
  });

  it('counts trusted hops from the right behind two proxies', () => {
    const headers = { 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.2' };
    expect(clientAddress(headers, 2)).toBe('203.0.113.7');
  });

  it('with no proxy takes the address the server itself recorded', () => {
    expect(clientAddress({ 'x-forwarded-for': '198.51.100.4' }, 0)).toBe('198.51.100.4');
  });

  it('reads repeated headers given as arrays, and falls back to X-Real-IP, then "unknown"', () => {
    expect(clientAddress({ 'x-forwarded-for': ['6.6.6.6', '203.0.113.7'] }, 1)).toBe('203.0.113.7');
    expect(clientAddress({ 'x-real-ip': '192.0.2.10' }, 1)).toBe('192.0.2.10');
    expect(clientAddress({}, 1)).toBe('unknown');
  });
});
