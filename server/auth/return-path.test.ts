import { describe, expect, it } from 'vitest';
import { signInPathFor } from './return-path';

describe('the sign-in page a signed-out visitor is sent to', () => {
  it('comes back to the page they were opening, query included', () => {
    expect(signInPathFor('/authorizations/CS-100123')).toBe('/sign-in?callbackUrl=%2Fauthorizations%2FCS-100123');
    expect(signInPathFor('/authorizations?state=approved&page=2')).toBe(
      '/sign-in?callbackUrl=%2Fauthorizations%3Fstate%3Dapproved%26page%3D2',
    );
  });

  it('is plain sign-in for the start page, an unknown path, or another site', () => {
    expect(signInPathFor(null)).toBe('/sign-in');
    expect(signInPathFor('/')).toBe('/sign-in');
    expect(signInPathFor('//evil.example/x')).toBe('/sign-in');
    expect(signInPathFor('/\\evil.example')).toBe('/sign-in');
    expect(signInPathFor('https://evil.example/')).toBe('/sign-in');
    expect(signInPathFor('/sign-in?callbackUrl=%2Forders')).toBe('/sign-in');
  });
});
