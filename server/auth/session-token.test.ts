import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { decodeSessionToken } from './session-token';

const SECRET = 'session-token-test-secret-0123456789abcdef';

describe('decodeSessionToken', () => {
  it('reads the cookie next-auth wrote, with the key derived as next-auth derives it', async () => {
    const token = await encode({ token: { sub: 'user-1', sid: 'session-1' }, secret: SECRET, maxAge: 3600 });
    expect(await decodeSessionToken(token, SECRET)).toMatchObject({ sub: 'user-1', sid: 'session-1' });
    // The key is kept: a second cookie under the same secret reads the same way.
    const again = await encode({ token: { sid: 'session-2' }, secret: SECRET, maxAge: 3600 });
    expect(await decodeSessionToken(again, SECRET)).toMatchObject({ sid: 'session-2' });
  });

  it('refuses a cookie made with another secret', async () => {
    const token = await encode({
      token: { sid: 'session-1' },
      secret: 'another-secret-0123456789abcdef0123',
      maxAge: 3600,
    });
    expect(await decodeSessionToken(token, SECRET)).toBeNull();
  });

  it('refuses an expired cookie, beyond 15 seconds of clock tolerance', async () => {
    const lapsed = await encode({ token: { sid: 'session-1' }, secret: SECRET, maxAge: -60 });
    expect(await decodeSessionToken(lapsed, SECRET)).toBeNull();
    const justNow = await encode({ token: { sid: 'session-1' }, secret: SECRET, maxAge: -5 });
    expect(await decodeSessionToken(justNow, SECRET)).toMatchObject({ sid: 'session-1' });
  });

  it('refuses a changed or malformed cookie', async () => {
    const token = await encode({ token: { sid: 'session-1' }, secret: SECRET, maxAge: 3600 });
    const parts = token.split('.');
    const cipher = parts[3] ?? '';
    parts[3] = `${cipher.slice(0, -2)}${cipher.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await decodeSessionToken(parts.join('.'), SECRET)).toBeNull();
    expect(await decodeSessionToken('not-a-token', SECRET)).toBeNull();
    expect(await decodeSessionToken('', SECRET)).toBeNull();
  });
});
