import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, totpFactors, userSessions } from '@/db/schema';
import { totpOf } from '@/server/domain/auth/totp';
import type { TRPCContext } from '@/server/trpc/context';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import {
  ACCOUNT_MANAGER,
  createCaller,
  createMember,
  createOrganization,
  DEFAULT_PASSWORD,
  signIn,
  unique,
  type Member,
} from '@/server/testing/factories';
import { openSession, signInWithPassword } from './sign-in';

const database = setupTestDatabase();

/** A clock the test moves by hand; every context of one test reads it. */
function clock() {
  let at = Math.floor(Date.now() / 30_000) * 30_000 + 5_000;
  return {
    now: () => new Date(at),
    advance: (seconds: number) => {
      at += seconds * 1000;
    },
  };
}

const codeFor = (secret: string, at: Date) => totpOf(secret.replace(/\s/g, '')).generate({ timestamp: at.getTime() });

async function buyer(options = ACCOUNT_MANAGER): Promise<Member> {
  return createMember(database.db, await createOrganization(database.db), options);
}

function withClock(ctx: TRPCContext, time: ReturnType<typeof clock>): TRPCContext {
  return { ...ctx, now: time.now, clientAddress: `203.0.113.${unique()}` };
}

/** Sets up the authenticator app through the procedures; answers the secret and the recovery codes. */
async function setUp(ctx: TRPCContext) {
  const api = createCaller(ctx);
  const { secret } = await api.secondFactor.beginSetup();
  const { recoveryCodes } = await api.secondFactor.confirmSetup({ code: codeFor(secret, ctx.now()) });
  return { secret, recoveryCodes };
}

/** A password sign-in as the sign-in page makes it; answers the new session's context. */
async function passwordSignIn(member: Member, time: ReturnType<typeof clock>): Promise<TRPCContext> {
  const outcome = await signInWithPassword(database.db, {
    email: member.user.email,
    password: DEFAULT_PASSWORD,
    ipAddress: `198.51.100.${unique()}`,
    now: time.now(),
  });
  if (!outcome.ok) throw new Error(outcome.message);
  return { db: database.db, sessionId: outcome.sessionId, clientAddress: '198.51.100.7', now: time.now };
}

describe('setting up the authenticator app', () => {
  it('shows a QR code and the secret, confirms with a first code, answers ten recovery codes and signs out the other sessions', async () => {
    const time = clock();
    const member = await buyer();
    const here = withClock(await signIn(database.db, member.membership, { createdAt: time.now() }), time);
    const elsewhere = withClock(await signIn(database.db, member.membership, { createdAt: time.now() }), time);
    const api = createCaller(here);

    const setup = await api.secondFactor.beginSetup();
    expect(setup.qrSvg).toContain('<svg');
    expect(setup.uri).toContain(`secret=${setup.secret.replace(/\s/g, '')}`);
    expect(await api.secondFactor.status()).toMatchObject({ enabled: false });

    const wrong = await trpcErrorOf(api.secondFactor.confirmSetup({ code: '000000' }));
    expect(wrong.code).toBe('BAD_REQUEST');

    const { recoveryCodes } = await api.secondFactor.confirmSetup({ code: codeFor(setup.secret, time.now()) });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await api.secondFactor.status()).toMatchObject({ enabled: true, recoveryCodesLeft: 10, required: false });

    // Stored sealed: the secret is not in the row, and nothing answers it again.
    const [row] = await database.db.select().from(totpFactors).where(eq(totpFactors.userId, member.user.id));
    expect(row?.secretSealed).not.toContain(setup.secret.replace(/\s/g, ''));
    expect(JSON.stringify(await api.secondFactor.status())).not.toContain(setup.secret.replace(/\s/g, ''));
    await expect(api.secondFactor.beginSetup()).rejects.toMatchObject({ code: 'CONFLICT' });

    expect((await trpcErrorOf(createCaller(elsewhere).session.me())).code).toBe('UNAUTHORIZED');
    await expect(api.session.me()).resolves.toMatchObject({ secondFactor: 'satisfied' });
  });
});

describe('signing in with a second factor', () => {
  it('opens a session that can do nothing but take the code; the code of the current step finishes signing in', async () => {
    const time = clock();
    const member = await buyer();
    const { secret } = await setUp(withClock(await signIn(database.db, member.membership), time));
    time.advance(30);

    const pending = await passwordSignIn(member, time);
    const api = createCaller(pending);
    const refused = await trpcErrorOf(api.session.me());
    expect(refused.code).toBe('UNAUTHORIZED');
    expect(refused.cause).toMatchObject({ gate: 'code_needed' });
    expect((await trpcErrorOf(api.cart.get())).code).toBe('UNAUTHORIZED');
    expect((await trpcErrorOf(api.devices.list())).code).toBe('UNAUTHORIZED');

    expect((await trpcErrorOf(api.secondFactor.verify({ code: '000000' }))).code).toBe('BAD_REQUEST');
    await api.secondFactor.verify({ code: codeFor(secret, time.now()) });
    await expect(api.session.me()).resolves.toMatchObject({ secondFactor: 'satisfied' });
  });

  it('refuses the same code (its time step) a second time, and accepts the next step', async () => {
    const time = clock();
    const member = await buyer();
    const { secret } = await setUp(withClock(await signIn(database.db, member.membership), time));
    time.advance(30);
    const code = codeFor(secret, time.now());

    await createCaller(await passwordSignIn(member, time)).secondFactor.verify({ code });
    const replay = createCaller(await passwordSignIn(member, time));
    const replayed = await trpcErrorOf(replay.secondFactor.verify({ code }));
    expect(replayed.code).toBe('BAD_REQUEST');
    expect(replayed.message).toMatch(/already used/);

    time.advance(30);
    await replay.secondFactor.verify({ code: codeFor(secret, time.now()) });
    await expect(replay.session.me()).resolves.toMatchObject({ secondFactor: 'satisfied' });
  });

  it('takes a recovery code once and not twice', async () => {
    const time = clock();
    const member = await buyer();
    const { recoveryCodes } = await setUp(withClock(await signIn(database.db, member.membership), time));
    const [recovery] = recoveryCodes;
    if (!recovery) throw new Error('no recovery code');

    const first = createCaller(await passwordSignIn(member, time));
    await expect(first.secondFactor.verify({ code: recovery.toLowerCase() })).resolves.toEqual({
      usedRecoveryCode: true,
    });
    await expect(first.session.me()).resolves.toMatchObject({ secondFactor: 'satisfied' });

    const second = createCaller(await passwordSignIn(member, time));
    expect((await trpcErrorOf(second.secondFactor.verify({ code: recovery }))).code).toBe('BAD_REQUEST');
    expect((await trpcErrorOf(second.session.me())).code).toBe('UNAUTHORIZED');
    await expect(first.secondFactor.status()).resolves.toMatchObject({ recoveryCodesLeft: 9 });
  });

  it('limits codes as passwords are: after five wrong ones even the right code waits', async () => {
    const time = clock();
    const member = await buyer();
    const { secret } = await setUp(withClock(await signIn(database.db, member.membership), time));
    time.advance(30);
    const api = createCaller(await passwordSignIn(member, time));
    for (let i = 0; i < 5; i++) {
      expect((await trpcErrorOf(api.secondFactor.verify({ code: `00000${i}` }))).code).toBe('BAD_REQUEST');
    }
    const limited = await trpcErrorOf(api.secondFactor.verify({ code: codeFor(secret, time.now()) }));
    expect(limited.code).toBe('TOO_MANY_REQUESTS');
  });

  it('asks no code after a passkey, which counts as strong', async () => {
    const time = clock();
    const member = await buyer();
    await setUp(withClock(await signIn(database.db, member.membership), time));
    const outcome = await openSession(database.db, member.user, {
      ipAddress: '192.0.2.1',
      now: time.now(),
      strong: true,
    });
    if (!outcome.ok) throw new Error(outcome.message);
    const api = createCaller({
      db: database.db,
      sessionId: outcome.sessionId,
      clientAddress: '192.0.2.1',
      now: time.now,
    });
    await expect(api.session.me()).resolves.toMatchObject({ secondFactor: 'satisfied' });
  });
});

describe('an organization that requires a second factor', () => {
  it('leads a member without one to set it up before anything else, and records who required it', async () => {
    const time = clock();
    const manager = await buyer();
    const member = await createMember(database.db, manager.organization, { roles: ['buyer'], mayOrder: true });
    const managerCtx = withClock(await signIn(database.db, manager.membership), time);
    const memberCtx = withClock(await signIn(database.db, member.membership), time);

    await createCaller(managerCtx).secondFactor.setOrganizationPolicy({ required: true });
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, manager.organization.id), eq(auditLog.action, 'second_factor.required')));
    expect(entry?.actorUserId).toBe(manager.user.id);

    const api = createCaller(memberCtx);
    await expect(api.session.me()).resolves.toMatchObject({ secondFactor: 'setup_needed' });
    const refused = await trpcErrorOf(api.cart.get());
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.cause).toMatchObject({ gate: 'setup_needed' });
    expect((await trpcErrorOf(api.account.setTimeZone({ timeZone: 'Asia/Tokyo' }))).code).toBe('FORBIDDEN');

    const { secret } = await setUp(memberCtx);
    await expect(api.session.me()).resolves.toMatchObject({ secondFactor: 'satisfied' });
    await expect(api.cart.get()).resolves.toBeDefined();

    // Required: moving to a new phone removes the app, and nothing else can be done until the new one is set up.
    time.advance(30);
    await api.secondFactor.remove({ code: codeFor(secret, time.now()) });
    await expect(api.session.me()).resolves.toMatchObject({ secondFactor: 'setup_needed' });
    expect((await trpcErrorOf(api.cart.get())).code).toBe('FORBIDDEN');
    await setUp(memberCtx);
    await expect(api.cart.get()).resolves.toBeDefined();
  });

  it('is refused to a member who may not manage users', async () => {
    const manager = await buyer();
    const member = await createMember(database.db, manager.organization, { roles: ['buyer'] });
    const error = await trpcErrorOf(
      createCaller(await signIn(database.db, member.membership)).secondFactor.setOrganizationPolicy({ required: true }),
    );
    expect(error.code).toBe('FORBIDDEN');
  });

  it('applies to seller staff when seller administrators require it', async () => {
    const time = clock();
    const seller = await createOrganization(database.db, { kind: 'seller' });
    const admin = await createMember(database.db, seller, { roles: ['seller_admin'] });
    const clerk = await createMember(database.db, seller, { roles: ['fulfillment_clerk'] });
    const adminApi = createCaller(withClock(await signIn(database.db, admin.membership), time));
    await adminApi.secondFactor.setStaffPolicy({ required: true });
    const clerkApi = createCaller(withClock(await signIn(database.db, clerk.membership), time));
    await expect(clerkApi.session.me()).resolves.toMatchObject({ secondFactor: 'setup_needed' });
    expect((await trpcErrorOf(clerkApi.fulfillment.centers())).code).toBe('FORBIDDEN');
    const clerkSet = await trpcErrorOf(clerkApi.secondFactor.setStaffPolicy({ required: false }));
    expect(clerkSet.code).toBe('FORBIDDEN');
  });
});

describe('changing the second factor', () => {
  it('removes it for a current code, signs out the other sessions, and a password alone signs in again', async () => {
    const time = clock();
    const member = await buyer();
    const here = withClock(await signIn(database.db, member.membership), time);
    const { secret } = await setUp(here);
    const elsewhere = withClock(await signIn(database.db, member.membership), time);
    time.advance(30);

    const api = createCaller(here);
    expect((await trpcErrorOf(api.secondFactor.remove({ code: '000000' }))).code).toBe('BAD_REQUEST');
    await api.secondFactor.remove({ code: codeFor(secret, time.now()) });
    expect((await trpcErrorOf(createCaller(elsewhere).session.me())).code).toBe('UNAUTHORIZED');
    await expect(api.secondFactor.status()).resolves.toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    await expect(createCaller(await passwordSignIn(member, time)).session.me()).resolves.toMatchObject({
      secondFactor: 'satisfied',
    });
  });

  it('regenerates the recovery codes for a current code: the old ones stop working, other sessions end', async () => {
    const time = clock();
    const member = await buyer();
    const here = withClock(await signIn(database.db, member.membership), time);
    const { secret, recoveryCodes: old } = await setUp(here);
    const elsewhere = withClock(await signIn(database.db, member.membership), time);
    time.advance(30);

    const { recoveryCodes: fresh } = await createCaller(here).secondFactor.regenerateRecoveryCodes({
      code: codeFor(secret, time.now()),
    });
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(old[0]);
    expect((await trpcErrorOf(createCaller(elsewhere).session.me())).code).toBe('UNAUTHORIZED');

    const signingIn = createCaller(await passwordSignIn(member, time));
    expect((await trpcErrorOf(signingIn.secondFactor.verify({ code: old[0] ?? '' }))).code).toBe('BAD_REQUEST');
    await signingIn.secondFactor.verify({ code: fresh[0] ?? '' });
  });
});

describe('sessions', () => {
  it('lists each session with its browser and network, signs one out (refused on its next request), then all others', async () => {
    const time = clock();
    const member = await buyer();
    const phone =
      'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
    const here = withClock(await signIn(database.db, member.membership), time);
    const other = withClock(await signIn(database.db, member.membership, { userAgent: phone }), time);
    const third = withClock(await signIn(database.db, member.membership), time);
    await database.db
      .update(userSessions)
      .set({ ipAddress: '203.0.113.77' })
      .where(eq(userSessions.id, other.sessionId ?? ''));

    const api = createCaller(here);
    const list = await api.devices.list();
    expect(list).toHaveLength(3);
    expect(list.find((row) => row.id === other.sessionId)).toMatchObject({
      device: 'Chrome on Android',
      network: '203.0.113.0/24',
      current: false,
    });
    expect(list.find((row) => row.current)?.id).toBe(here.sessionId);

    await api.devices.signOut({ sessionId: other.sessionId ?? '' });
    expect((await trpcErrorOf(createCaller(other).cart.get())).code).toBe('UNAUTHORIZED');
    await expect(createCaller(third).session.me()).resolves.toBeDefined();

    await expect(api.devices.signOutOthers()).resolves.toEqual({ signedOut: 1 });
    expect((await trpcErrorOf(createCaller(third).session.me())).code).toBe('UNAUTHORIZED');
    await expect(api.devices.list()).resolves.toHaveLength(1);
  });
});
