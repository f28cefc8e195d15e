import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { sessionTimeouts } from '@/server/env';
import { setupTestDatabase } from '@/server/testing/database';
import { createMember, createOrganization, DEFAULT_PASSWORD, unique } from '@/server/testing/factories';
import { INVALID_CREDENTIALS, signInWithPassword, type SignInRequest } from './sign-in';
import { actorOf, resolveViewer } from './viewer';

const database = setupTestDatabase();
const t0 = new Date('2025-03-10T08:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

/** Every test signs in from its own address so that per-address counts do not leak between tests. */
const newAddress = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${unique()}`;

async function activeMember() {
  return createMember(database.db, await createOrganization(database.db), { roles: ['buyer'] });
}

const attempt = (request: Omit<SignInRequest, 'now'> & { now?: Date }) =>
  signInWithPassword(database.db, { now: t0, ...request });

describe('signInWithPassword', () => {
  it("opens a session that the viewer check accepts, in the member's organization", async () => {
    const member = await activeMember();
    const outcome = await attempt({
      email: member.user.email.toUpperCase(),
      password: DEFAULT_PASSWORD,
      ipAddress: newAddress(),
    });
    if (!outcome.ok) throw new Error(outcome.message);

    const viewer = await resolveViewer(database.db, outcome.sessionId, minutes(1), sessionTimeouts());
    expect(viewer?.user.id).toBe(member.user.id);
    expect(viewer?.membership?.organization.name).toBe(member.organization.name);
  });

  it('answers an unknown email exactly as it answers a wrong password', async () => {
    const member = await activeMember();
    const ipAddress = newAddress();
    const unknown = await attempt({ email: `nobody-${unique()}@example.test`, password: DEFAULT_PASSWORD, ipAddress });
    const wrong = await attempt({ email: member.user.email, password: 'Not-the-password-1', ipAddress });
    expect(unknown).toEqual({ ok: false, code: 'invalid_credentials', message: INVALID_CREDENTIALS });
    expect(wrong).toEqual(unknown);
  });

  it('locks an account after five failures, even for the right password, until the window has passed', async () => {
    const member = await activeMember();
    for (let i = 0; i < 5; i++) {
      const failed = await attempt({
        email: member.user.email,
        password: `Wrong-guess-${i}-xyz`,
        ipAddress: newAddress(),
        now: minutes(i),
      });
      expect(failed).toMatchObject({ code: 'invalid_credentials' });
    }

    const locked = await attempt({
      email: member.user.email,
      password: DEFAULT_PASSWORD,
      ipAddress: newAddress(),
      now: minutes(5),
    });
    expect(locked).toMatchObject({ ok: false, code: 'rate_limited' });
    expect(locked.ok || locked.message).toBe('Too many sign-in attempts. Try again in 10 minutes.');

    const later = await attempt({
      email: member.user.email,
      password: DEFAULT_PASSWORD,
      ipAddress: newAddress(),
      now: minutes(16),
    });
    expect(later).toMatchObject({ ok: true, userId: member.user.id });
  });

  it('counts failures after a passed window in a fresh window', async () => {
    const member = await activeMember();
    const fail = (at: number) =>
      attempt({ email: member.user.email, password: 'Wrong-guess-xyz', ipAddress: newAddress(), now: minutes(at) });
    for (const at of [0, 1, 2, 3, 4]) await fail(at);
    for (const at of [16, 17, 18, 19, 20]) expect(await fail(at)).toMatchObject({ code: 'invalid_credentials' });

    const locked = await attempt({
      email: member.user.email,
      password: DEFAULT_PASSWORD,
      ipAddress: newAddress(),
      now: minutes(21),
    });
    expect(locked).toEqual({
      ok: false,
      code: 'rate_limited',
      message: 'Too many sign-in attempts. Try again in 10 minutes.',
    });
  });

  it('limits failures from one address across different accounts', async () => {
    const ipAddress = newAddress();
    for (let i = 0; i < 30; i++) {
      await attempt({ email: `guess-${i}-${unique()}@example.test`, password: 'Wrong-guess-xyz', ipAddress });
    }
    const member = await activeMember();

    expect(await attempt({ email: member.user.email, password: DEFAULT_PASSWORD, ipAddress })).toMatchObject({
      ok: false,
      code: 'rate_limited',
    });
    expect(
      await attempt({ email: member.user.email, password: DEFAULT_PASSWORD, ipAddress: newAddress() }),
    ).toMatchObject({ ok: true });
  });

  it('refuses a deactivated user who knows the password', async () => {
    const organization = await createOrganization(database.db);
    const member = await createMember(database.db, organization, { user: { status: 'deactivated' } });
    expect(await attempt({ email: member.user.email, password: DEFAULT_PASSWORD, ipAddress: newAddress() })).toEqual({
      ok: false,
      code: 'deactivated',
      message: 'This account has been deactivated. Ask your administrator.',
    });
  });

  it('explains that the only organization of the user is suspended', async () => {
    const organization = await createOrganization(database.db, { status: 'suspended' });
    const member = await createMember(database.db, organization);
    const outcome = await attempt({ email: member.user.email, password: DEFAULT_PASSWORD, ipAddress: newAddress() });
    expect(outcome).toEqual({
      ok: false,
      code: 'no_account',
      message: `${organization.name} is suspended. Contact us to have it reactivated.`,
    });
  });

  describe('the time zone the browser reports', () => {
    const zoneOf = async (userId: string) =>
      (await database.db.select().from(users).where(eq(users.id, userId)))[0]?.timeZone ?? null;
    const signIn = (email: string, timeZone: unknown) =>
      attempt({ email, password: DEFAULT_PASSWORD, ipAddress: newAddress(), timeZone });

    it('is stored on the user, and the Actor built for them reads times in it', async () => {
      const member = await activeMember();
      const outcome = await signIn(member.user.email, 'America/Los_Angeles');
      if (!outcome.ok) throw new Error(outcome.message);
      expect(await zoneOf(member.user.id)).toBe('America/Los_Angeles');

      const viewer = await resolveViewer(database.db, outcome.sessionId, minutes(1), sessionTimeouts());
      if (!viewer?.membership) throw new Error('no membership');
      expect(actorOf(viewer, viewer.membership).timeZone).toBe('America/Los_Angeles');
    });

    it('a made-up or over-long zone is ignored: the sign-in works and the zone stays as it was', async () => {
      const member = await activeMember();
      await signIn(member.user.email, 'Europe/Berlin');
      expect(await signIn(member.user.email, 'Mars/Olympus')).toMatchObject({ ok: true });
      expect(await signIn(member.user.email, `Europe/${'x'.repeat(100)}`)).toMatchObject({ ok: true });
      expect(await zoneOf(member.user.id)).toBe('Europe/Berlin');
    });

    it('never overwrites a zone the person chose in My account', async () => {
      const member = await activeMember();
      await database.db
        .update(users)
        .set({ timeZone: 'Asia/Tokyo', timeZoneChosenAt: t0 })
        .where(eq(users.id, member.user.id));
      expect(await signIn(member.user.email, 'America/New_York')).toMatchObject({ ok: true });
      expect(await zoneOf(member.user.id)).toBe('Asia/Tokyo');
    });

    it('an Actor without a known zone reads UTC', async () => {
      const member = await activeMember();
      const outcome = await signIn(member.user.email, undefined);
      if (!outcome.ok) throw new Error(outcome.message);
      const viewer = await resolveViewer(database.db, outcome.sessionId, minutes(1), sessionTimeouts());
      if (!viewer?.membership) throw new Error('no membership');
      expect(actorOf(viewer, viewer.membership).timeZone).toBe('UTC');
    });
  });
});
