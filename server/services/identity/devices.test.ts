import { describe, expect, it } from 'vitest';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import { createCaller, createMember, createOrganization, signIn } from '@/server/testing/factories';

const database = setupTestDatabase();
const PHONE =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';
const LAPTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0';

async function memberOnTwoDevices() {
  const member = await createMember(database.db, await createOrganization(database.db));
  const hourAgo = new Date(Date.now() - 3600_000 + 60_000);
  const phone = await signIn(database.db, member.membership, { trusted: true, userAgent: PHONE, createdAt: hourAgo });
  const laptop = await signIn(database.db, member.membership, { userAgent: LAPTOP });
  return { ...member, phone, laptop };
}

describe('devices.list', () => {
  it('lists the devices signed in, in words, with this device and the trusted one marked', async () => {
    const { laptop, phone } = await memberOnTwoDevices();
    const devices = await createCaller(laptop).devices.list();
    expect(devices).toEqual([
      {
        id: laptop.sessionId,
        device: 'Firefox on Windows',
        signedInAt: expect.any(Date),
        lastUsedAt: expect.any(Date),
        trusted: false,
        network: null,
        awaitingCode: false,
        current: true,
      },
      {
        id: phone.sessionId,
        device: 'Chrome on Android',
        signedInAt: expect.any(Date),
        lastUsedAt: expect.any(Date),
        trusted: true,
        network: null,
        awaitingCode: false,
        current: false,
      },
    ]);
  });

  it('leaves out sessions that ended and other users’ sessions', async () => {
    const { laptop, membership } = await memberOnTwoDevices();
    await signIn(database.db, membership, { createdAt: new Date(Date.now() - 13 * 3600_000) });
    const stranger = await createMember(database.db, await createOrganization(database.db));
    await signIn(database.db, stranger.membership);
    expect(await createCaller(laptop).devices.list()).toHaveLength(2);
  });
});

describe('devices.signOut', () => {
  it('signs another device out: its next request is refused, this one carries on', async () => {
    const { laptop, phone } = await memberOnTwoDevices();
    await expect(createCaller(laptop).devices.signOut({ sessionId: phone.sessionId ?? '' })).resolves.toEqual({
      signedOut: true,
    });
    expect((await trpcErrorOf(createCaller(phone).session.me())).code).toBe('UNAUTHORIZED');
    await expect(createCaller(laptop).session.me()).resolves.toBeTruthy();
    expect((await createCaller(laptop).devices.list()).map((device) => device.id)).toEqual([laptop.sessionId]);
  });

  it('refuses a session of another user, which stays signed in', async () => {
    const { laptop } = await memberOnTwoDevices();
    const stranger = await memberOnTwoDevices();
    const error = await trpcErrorOf(
      createCaller(laptop).devices.signOut({ sessionId: stranger.phone.sessionId ?? '' }),
    );
    expect(error.code).toBe('NOT_FOUND');
    await expect(createCaller(stranger.phone).session.me()).resolves.toBeTruthy();
  });

  it('can sign out this very device', async () => {
    const { laptop } = await memberOnTwoDevices();
    await createCaller(laptop).devices.signOut({ sessionId: laptop.sessionId ?? '' });
    expect((await trpcErrorOf(createCaller(laptop).session.me())).code).toBe('UNAUTHORIZED');
  });
});
