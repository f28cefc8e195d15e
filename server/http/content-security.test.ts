import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce, securePageRequest, strictTransportSecurity } from './content-security';

const directives = (policy: string) =>
  new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));

describe('the page policy', () => {
  it('lets scripts run only with the nonce, never inline, and locks down objects, base and framing', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'abc123==', dev: false }));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('allows eval for React refresh in development only', () => {
    expect(contentSecurityPolicy({ nonce: 'n', dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: 'n', dev: false })).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy({ nonce: 'n', dev: true })).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  it('makes a fresh nonce for every page, in the form Next.js reads back from the header', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(`'nonce-${nonce}'`).toMatch(/^'nonce-([A-Za-z0-9+/_-]+={0,2})'$/);
  });

  it('puts the policy on the request for the renderer and on the response, with HSTS over https only', () => {
    const request = new Headers();
    const response = securePageRequest(request, { appUrl: 'https://shop.example', dev: false, nonce: 'xyz' });
    expect(request.get('Content-Security-Policy')).toContain("'nonce-xyz'");
    expect(response.get('Content-Security-Policy')).toBe(request.get('Content-Security-Policy'));
    expect(response.get('Strict-Transport-Security')).toBe('max-age=63072000; includeSubDomains');
    const plain = securePageRequest(new Headers(), { appUrl: 'http://localhost:3000', dev: false });
    expect(plain.has('Strict-Transport-Security')).toBe(false);
    expect(strictTransportSecurity('http://shop.example')).toBeNull();
  });
});
