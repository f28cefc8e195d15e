import { describe, expect, it } from 'vitest';
import { isAuthorizedCronCall } from './cron-auth';

const secret = 'test-cron-secret-0123456789';

describe('isAuthorizedCronCall', () => {
  it('accepts the configured secret as a bearer token', () => {
    expect(isAuthorizedCronCall(`Bearer ${secret}`, secret)).toBe(true);
  });

  it.each([
    ['no header', null],
    ['a wrong secret', 'Bearer wrong-secret-0123456789'],
    ['a prefix of the secret', `Bearer ${secret.slice(0, -1)}`],
    ['another scheme', `Basic ${secret}`],
    ['an empty token', 'Bearer '],
  ])('refuses %s', (_case, header) => {
    expect(isAuthorizedCronCall(header, secret)).toBe(false);
  });

  it('refuses everything when no secret is configured', () => {
    expect(isAuthorizedCronCall('Bearer ', undefined)).toBe(false);
    expect(isAuthorizedCronCall('Bearer anything', '')).toBe(false);
  });
});
