import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { memberships, passkeys, users, userSessions, webauthnChallenges } from '@/db/schema';
import { relyingParty, sessionTimeouts } from '@/server/env';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import { anonymous, createCaller, createMember, createOrganization, signIn, unique } from '@/server/testing/factories';
import { SoftwareAuthenticator } from '@/server/testing/software-authenticator';
import { PASSKEY_UNKNOWN, signInWithPasskey } from './passkeys';
import { resolveViewer } from './viewer';

const database = setupTestDatabase();
const rp = relyingParty();
const newAddress = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}-${unique()}`;

async function signedInMember() {
  const member = await createMember(database.db, await createOrganization(database.db));
  const ctx = await signIn(database.db, member.membership);
  return { ...member, ctx, caller: createCaller(ctx) };
}

/** A member with a passkey registered through the procedures, as My account does it. */
async function memberWithPasskey(name = 'My phone') {
  const member = await signedInMember();
  const authenticator = new SoftwareAuthenticator();
  const { challengeId, options } = await member.caller.passkeys.registrationOptions();
  const saved = await member.caller.passkeys.register({
    challengeId,
    name,
    response: authenticator.register(options, rp.origin) as never,
  });
  return { ...member, authenticator, passkeyId: saved.id };
}

/** Signs in as the sign-in page does: options from the public procedure, the answer to next-auth's provider. */
async function passkeySignIn(
  authenticator: SoftwareAuthenticator,
  answer: Parameters<SoftwareAuthenticator['signIn']>[2] = {},
  extra: { trusted?: boolean; origin?: string } = {},
) {
  const { handle, options } = await createCaller(anonymous(database.db)).passkeys.signInOptions();
  return signInWithPasskey(database.db, {
    handle,
    response: authenticator.signIn(options, extra.origin ?? rp.origin, answer),
    rp,
    ipAddress: newAddress(),
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Safari/604.1',
    trusted: extra.trusted,
    now: new Date(),
  });
}

describe('registering a passkey', () => {
  it('keeps a verified credential under the chosen name and lists it', async () => {
    const { caller, authenticator, user } = await memberWithPasskey('Work laptop');
    const [row] = await database.db.select().from(passkeys).where(eq(passkeys.userId, user.id));
    expect(row).toMatchObject({ credentialId: authenticator.id, name: 'Work laptop', counter: 0 });
    expect(row?.publicKey.length).toBeGreaterThan(60);
    const listed = await caller.passkeys.list();
    expect(listed).toEqual([{ id: row?.id, name: 'Work laptop', createdAt: expect.any(Date), lastUsedAt: null }]);
  });

  it('asks for user verification, a discoverable credential and excludes the passkeys already there', async () => {
    const { caller, authenticator } = await memberWithPasskey();
    const { options } = await caller.passkeys.registrationOptions();
    expect(options.rp.id).toBe(rp.id);
    expect(options.authenticatorSelection).toMatchObject({ userVerification: 'required', residentKey: 'required' });
    expect(options.excludeCredentials?.map((credential) => credential.id)).toEqual([authenticator.id]);
  });

  it('uses a challenge once: answering it again is refused', async () => {
    const { caller } = await signedInMember();
    const { challengeId, options } = await caller.passkeys.registrationOptions();
    const response = new SoftwareAuthenticator().register(options, rp.origin) as never;
    await caller.passkeys.register({ challengeId, name: 'First', response });
    const again = await trpcErrorOf(caller.passkeys.register({ challengeId, name: 'Second', response }));
    expect(again.code).toBe('PRECONDITION_FAILED');
  });

  it("refuses another user's challenge", async () => {
    const owner = await signedInMember();
    const other = await signedInMember();
    const { challengeId, options } = await owner.caller.passkeys.registrationOptions();
    const response = new SoftwareAuthenticator().register(options, rp.origin) as never;
    const error = await trpcErrorOf(other.caller.passkeys.register({ challengeId, name: 'Stolen', response }));
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(await other.caller.passkeys.list()).toEqual([]);
  });

  it('refuses an answer made on another site or without user verification', async () => {
    const { caller } = await signedInMember();
    const elsewhere = await caller.passkeys.registrationOptions();
    const phished = new SoftwareAuthenticator().register(elsewhere.options, 'https://evil.example') as never;
    const error = await trpcErrorOf(
      caller.passkeys.register({ challengeId: elsewhere.challengeId, name: 'Phished', response: phished }),
    );
    expect(error.code).toBe('BAD_REQUEST');

    const unverified = await caller.passkeys.registrationOptions();
    const response = new SoftwareAuthenticator().register(unverified.options, rp.origin, { verified: false }) as never;
    const refused = await trpcErrorOf(
      caller.passkeys.register({ challengeId: unverified.challengeId, name: 'No PIN', response }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(await caller.passkeys.list()).toEqual([]);
  });

  it('refuses a name longer than 60 characters', async () => {
    const { caller } = await signedInMember();
    const { challengeId, options } = await caller.passkeys.registrationOptions();
    const response = new SoftwareAuthenticator().register(options, rp.origin) as never;
    const error = await trpcErrorOf(caller.passkeys.register({ challengeId, name: 'x'.repeat(61), response }));
    expect(error.code).toBe('BAD_REQUEST');
  });
});

describe('renaming and removing', () => {
  it('renames and removes only the caller’s own passkeys', async () => {
    const owner = await memberWithPasskey('Phone');
    const stranger = await signedInMember();
    expect(
      (await trpcErrorOf(stranger.caller.passkeys.rename({ passkeyId: owner.passkeyId, name: 'Mine' }))).code,
    ).toBe('NOT_FOUND');
    expect((await trpcErrorOf(stranger.caller.passkeys.remove({ passkeyId: owner.passkeyId }))).code).toBe('NOT_FOUND');
    expect(await owner.caller.passkeys.list()).toMatchObject([{ name: 'Phone' }]);

    await owner.caller.passkeys.rename({ passkeyId: owner.passkeyId, name: 'Old phone' });
    expect(await owner.caller.passkeys.list()).toMatchObject([{ name: 'Old phone' }]);
    await expect(owner.caller.passkeys.remove({ passkeyId: owner.passkeyId })).resolves.toEqual({ removed: true });
    expect(await owner.caller.passkeys.list()).toEqual([]);
  });
});

describe('signing in with a passkey', () => {
  it('opens a normal session, which the viewer check accepts, and records the use', async () => {
    const { authenticator, user, caller } = await memberWithPasskey();
    const outcome = await passkeySignIn(authenticator);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.userId).toBe(user.id);
    const viewer = await resolveViewer(database.db, outcome.sessionId, new Date(), sessionTimeouts());
    expect(viewer?.user.id).toBe(user.id);
    expect(viewer?.membership).not.toBeNull();
    const [listed] = await caller.passkeys.list();
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);
    const [row] = await database.db.select().from(passkeys).where(eq(passkeys.userId, user.id));
    expect(row?.counter).toBe(1);
  });

  it('marks the session trusted only when asked to keep the device signed in', async () => {
    const { authenticator } = await memberWithPasskey();
    const trusted = await passkeySignIn(authenticator, {}, { trusted: true });
    const standard = await passkeySignIn(authenticator);
    if (!trusted.ok || !standard.ok) throw new Error('sign-in failed');
    const trustedOf = async (id: string) =>
      (await database.db.select().from(userSessions).where(eq(userSessions.id, id)))[0]?.trusted;
    expect(await trustedOf(trusted.sessionId)).toBe(true);
    expect(await trustedOf(standard.sessionId)).toBe(false);
  });

  it('uses a sign-in challenge once', async () => {
    const { authenticator } = await memberWithPasskey();
    const { handle, options } = await createCaller(anonymous(database.db)).passkeys.signInOptions();
    const request = { handle, rp, ipAddress: newAddress(), now: new Date() };
    const first = await signInWithPasskey(database.db, {
      ...request,
      response: authenticator.signIn(options, rp.origin),
    });
    expect(first.ok).toBe(true);
    const replay = await signInWithPasskey(database.db, {
      ...request,
      response: authenticator.signIn(options, rp.origin),
    });
    expect(replay).toMatchObject({ ok: false, code: 'invalid_credentials' });
    expect(await database.db.select().from(webauthnChallenges).where(eq(webauthnChallenges.id, handle))).toEqual([]);
  });

  it('starts without an email and names no credential, so the options tell no one who has passkeys', async () => {
    await memberWithPasskey();
    const { options } = await createCaller(anonymous(database.db)).passkeys.signInOptions();
    expect(options.allowCredentials ?? []).toEqual([]);
    expect(options.userVerification).toBe('required');
  });

  it('never signs in another user: a passkey answering with someone else’s user handle is refused', async () => {
    const victim = await memberWithPasskey();
    const attacker = await memberWithPasskey();
    const outcome = await passkeySignIn(attacker.authenticator, { userHandle: victim.authenticator.userHandle });
    expect(outcome).toMatchObject({ ok: false, code: 'invalid_credentials' });
    // And the victim's own passkey still signs the victim in, and only the victim.
    await expect(passkeySignIn(victim.authenticator)).resolves.toMatchObject({ ok: true, userId: victim.user.id });
  });

  it('refuses a signature that is not the registered key’s', async () => {
    const { authenticator } = await memberWithPasskey();
    const impostor = new SoftwareAuthenticator();
    Object.assign(impostor, { credentialId: authenticator.credentialId, userHandle: authenticator.userHandle });
    expect(await passkeySignIn(impostor)).toMatchObject({ ok: false, code: 'invalid_credentials' });
  });

  it('refuses an answer without user verification, or made on another site', async () => {
    const { authenticator } = await memberWithPasskey();
    expect(await passkeySignIn(authenticator, { verified: false })).toMatchObject({ ok: false });
    expect(await passkeySignIn(authenticator, {}, { origin: 'https://evil.example' })).toMatchObject({ ok: false });
  });

  it('refuses a removed passkey', async () => {
    const { authenticator, caller, passkeyId } = await memberWithPasskey();
    await caller.passkeys.remove({ passkeyId });
    expect(await passkeySignIn(authenticator)).toEqual({
      ok: false,
      code: 'invalid_credentials',
      message: PASSKEY_UNKNOWN,
    });
  });

  it('refuses the passkey of a deactivated user, and of a member whose only membership is deactivated', async () => {
    const deactivatedUser = await memberWithPasskey();
    await database.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, deactivatedUser.user.id));
    expect(await passkeySignIn(deactivatedUser.authenticator)).toMatchObject({ ok: false, code: 'deactivated' });

    const deactivatedMember = await memberWithPasskey();
    await database.db
      .update(memberships)
      .set({ activated: false })
      .where(eq(memberships.id, deactivatedMember.membership.id));
    expect(await passkeySignIn(deactivatedMember.authenticator)).toMatchObject({ ok: false, code: 'no_account' });
  });

  it('refuses an answer whose counter did not move on (a replayed or cloned authenticator)', async () => {
    const { authenticator } = await memberWithPasskey();
    expect(await passkeySignIn(authenticator, { counter: 5 })).toMatchObject({ ok: true });
    expect(await passkeySignIn(authenticator, { counter: 5 })).toMatchObject({ ok: false });
    expect(await passkeySignIn(authenticator, { counter: 3 })).toMatchObject({ ok: false });
    expect(await passkeySignIn(authenticator, { counter: 6 })).toMatchObject({ ok: true });
  });

  it('counts failures against the address, as password sign-ins do', async () => {
    const { authenticator } = await memberWithPasskey();
    const ipAddress = newAddress();
    for (let i = 0; i < 30; i++) {
      const { handle } = await createCaller(anonymous(database.db)).passkeys.signInOptions();
      const { options } = await createCaller(anonymous(database.db)).passkeys.signInOptions();
      // Answers the wrong challenge: refused and counted.
      await signInWithPasskey(database.db, {
        handle,
        response: authenticator.signIn(options, rp.origin),
        rp,
        ipAddress,
        now: new Date(),
      });
    }
    const { handle, options } = await createCaller(anonymous(database.db)).passkeys.signInOptions();
    const locked = await signInWithPasskey(database.db, {
      handle,
      response: authenticator.signIn(options, rp.origin),
      rp,
      ipAddress,
      now: new Date(),
    });
    expect(locked).toMatchObject({ ok: false, code: 'rate_limited' });
  });
});
