import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { memberships, organizations, users, userSessions } from '@/db/schema';
import { setupTestDatabase } from '@/server/testing/database';
import {
  createCaller,
  createMember,
  createMembership,
  createOrganization,
  DEFAULT_PASSWORD,
  signIn,
} from '@/server/testing/factories';

/** What a signed-in person notices on their next request when something changes under them. */
const database = setupTestDatabase();
const t0 = new Date('2025-03-10T08:00:00Z');
const minutes = (n: number) => () => new Date(t0.getTime() + n * 60_000);

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a tRPC refusal, got ${String(error)}`);
  return error;
}

async function signedInMember() {
  const organization = await createOrganization(database.db);
  const member = await createMember(database.db, organization);
  const ctx = await signIn(database.db, member.membership);
  await createCaller(ctx).organization.current();
  return { ...member, ctx };
}

describe('the next request after a change', () => {
  it('refuses a member whose membership was deactivated, saying so', async () => {
    const { membership, organization, ctx } = await signedInMember();
    await database.db.update(memberships).set({ activated: false }).where(eq(memberships.id, membership.id));
    const error = await refusal(createCaller(ctx).organization.current());
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe(`Your access to ${organization.name} has been deactivated. Ask its administrator.`);
  });

  it('refuses a member of an organization that was suspended, saying so', async () => {
    const { organization, ctx } = await signedInMember();
    await database.db.update(organizations).set({ status: 'suspended' }).where(eq(organizations.id, organization.id));
    const error = await refusal(createCaller(ctx).organization.current());
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe(`${organization.name} is suspended. Contact us to have it reactivated.`);
  });

  it('signs out a user who was deactivated', async () => {
    const { user, ctx } = await signedInMember();
    await database.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, user.id));
    expect((await refusal(createCaller(ctx).session.me())).code).toBe('UNAUTHORIZED');
  });

  it('signs out a revoked session', async () => {
    const { ctx } = await signedInMember();
    await database.db
      .update(userSessions)
      .set({ revokedAt: new Date(), revokedReason: 'signed_out' })
      .where(eq(userSessions.id, ctx.sessionId ?? ''));
    expect((await refusal(createCaller(ctx).organization.current())).code).toBe('UNAUTHORIZED');
  });
});

describe('session lifetimes', () => {
  it('keeps a session in use alive and ends it after an hour idle', async () => {
    const member = await createMember(database.db, await createOrganization(database.db));
    const ctx = await signIn(database.db, member.membership, { createdAt: t0 });
    const at = (n: number) => createCaller({ ...ctx, now: minutes(n) });

    await expect(at(50).session.me()).resolves.toMatchObject({ user: { id: member.user.id } });
    await expect(at(100).session.me()).resolves.toMatchObject({ user: { id: member.user.id } });
    expect((await refusal(at(160).session.me())).code).toBe('UNAUTHORIZED');
    // An ended session stays ended.
    expect((await refusal(at(101).session.me())).code).toBe('UNAUTHORIZED');
  });

  it('ends a session twelve hours after sign-in even while it is in use', async () => {
    const member = await createMember(database.db, await createOrganization(database.db));
    const ctx = await signIn(database.db, member.membership, {
      createdAt: t0,
      lastSeenAt: new Date(t0.getTime() + 715 * 60_000),
    });
    await expect(createCaller({ ...ctx, now: minutes(719) }).session.me()).resolves.toBeTruthy();
    expect((await refusal(createCaller({ ...ctx, now: minutes(720) }).session.me())).code).toBe('UNAUTHORIZED');
  });
});

describe('trusted-device sessions ("keep me signed in")', () => {
  const days = (n: number) => minutes(n * 24 * 60);

  async function trustedMember() {
    const organization = await createOrganization(database.db);
    const member = await createMember(database.db, organization);
    const ctx = await signIn(database.db, member.membership, { createdAt: t0, trusted: true });
    return { ...member, ctx };
  }

  it('outlive the standard idle timeout and the twelve hours, and end after seven days unused', async () => {
    const { user, ctx } = await trustedMember();
    const at = (now: () => Date) => createCaller({ ...ctx, now }).session.me();
    await expect(at(minutes(14 * 60))).resolves.toMatchObject({ user: { id: user.id } });
    await expect(at(days(6))).resolves.toMatchObject({ user: { id: user.id } });
    expect((await refusal(at(minutes(13 * 24 * 60 + 1)))).code).toBe('UNAUTHORIZED');
  });

  it('end thirty days after sign-in even in daily use', async () => {
    const { ctx } = await trustedMember();
    for (let day = 1; day < 30; day += 5) await createCaller({ ...ctx, now: days(day) }).session.me();
    await expect(createCaller({ ...ctx, now: minutes(30 * 24 * 60 - 1) }).session.me()).resolves.toBeTruthy();
    expect((await refusal(createCaller({ ...ctx, now: days(30) }).session.me())).code).toBe('UNAUTHORIZED');
  });

  it('end on the next request when the user is deactivated', async () => {
    const { user, ctx } = await trustedMember();
    await createCaller({ ...ctx, now: days(1) }).session.me();
    await database.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, user.id));
    expect((await refusal(createCaller({ ...ctx, now: days(1) }).session.me())).code).toBe('UNAUTHORIZED');
  });

  it("lose the organization's data on the next request when it is suspended", async () => {
    const { organization, ctx } = await trustedMember();
    await database.db.update(organizations).set({ status: 'suspended' }).where(eq(organizations.id, organization.id));
    const error = await refusal(createCaller({ ...ctx, now: days(1) }).organization.current());
    expect(error.code).toBe('FORBIDDEN');
  });

  it('end on the next request when the password is changed on another device', async () => {
    const { user, membership, ctx } = await trustedMember();
    const other = await signIn(database.db, membership, { createdAt: days(2)() });
    await createCaller({ ...other, now: days(2) }).account.changePassword({
      currentPassword: DEFAULT_PASSWORD,
      newPassword: 'Another-river-42-stone',
      confirmPassword: 'Another-river-42-stone',
    });
    expect((await refusal(createCaller({ ...ctx, now: days(2) }).session.me())).code).toBe('UNAUTHORIZED');
    await expect(createCaller({ ...other, now: days(2) }).session.me()).resolves.toMatchObject({
      user: { id: user.id },
    });
  });
});

describe('switching accounts', () => {
  it("refuses another user's membership and stays in the current account", async () => {
    const { organization, ctx } = await signedInMember();
    const stranger = await createMember(database.db, await createOrganization(database.db));
    const error = await refusal(createCaller(ctx).session.switchAccount({ membershipId: stranger.membership.id }));
    expect(error.code).toBe('FORBIDDEN');
    expect((await createCaller(ctx).organization.current()).name).toBe(organization.name);
  });

  it("moves to the user's own second membership, and the organization shown follows", async () => {
    const { user, ctx } = await signedInMember();
    const second = await createOrganization(database.db, { name: 'Contoso Manufacturing' });
    const membership = await createMembership(database.db, { userId: user.id, organizationId: second.id });

    await expect(createCaller(ctx).session.switchAccount({ membershipId: membership.id })).resolves.toEqual({
      organizationName: 'Contoso Manufacturing',
      kind: 'buyer',
    });
    expect((await createCaller(ctx).organization.current()).name).toBe('Contoso Manufacturing');
  });
});
