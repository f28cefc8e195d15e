import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailOutbox, users } from '@/db/schema';
import { issueEmailToken } from '@/server/auth/email-tokens';
import { verifyPassword } from '@/server/auth/password';
import { DomainError } from '@/server/domain/errors';
import { setupTestDatabase } from '@/server/testing/database';
import {
  anonymous,
  createCaller,
  createMember,
  createOrganization,
  DEFAULT_PASSWORD,
  signIn,
  unique,
} from '@/server/testing/factories';
import { changePassword, requestPasswordReset, resetPassword } from './account';

const database = setupTestDatabase();
const t0 = new Date('2025-03-10T08:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const NEW_PASSWORD = 'Granite-meadow-19-kite';

async function member() {
  return createMember(database.db, await createOrganization(database.db));
}

const emailsTo = (address: string) =>
  database.db
    .select({ kind: emailOutbox.kind, props: emailOutbox.props })
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, address));

async function passwordIs(userId: string, password: string) {
  const [user] = await database.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return verifyPassword(user?.passwordHash ?? '', password);
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => Promise.reject(new Error('expected a failure')),
    (error: unknown) => error,
  );
}

describe('changePassword', () => {
  it('signs out the other sessions, keeps this one and emails the user', async () => {
    const { user, membership } = await member();
    const here = await signIn(database.db, membership);
    const elsewhere = await signIn(database.db, membership);

    await changePassword(database.db, {
      currentPassword: DEFAULT_PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
      userId: user.id,
      sessionId: here.sessionId ?? '',
      now: new Date(),
    });

    await expect(createCaller(here).session.me()).resolves.toMatchObject({ user: { id: user.id } });
    const error = await failure(createCaller(elsewhere).session.me());
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('UNAUTHORIZED');
    expect(await passwordIs(user.id, NEW_PASSWORD)).toBe(true);
    expect(await emailsTo(user.email)).toEqual([expect.objectContaining({ kind: 'password-changed' })]);
  });

  it('reports a wrong current password beside that field and changes nothing', async () => {
    const { user, membership } = await member();
    const here = await signIn(database.db, membership);
    const elsewhere = await signIn(database.db, membership);

    const error = await failure(
      changePassword(database.db, {
        currentPassword: 'Not-my-password-1',
        newPassword: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
        userId: user.id,
        sessionId: here.sessionId ?? '',
        now: new Date(),
      }),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fieldErrors).toEqual({ currentPassword: ['Your current password is not correct.'] });
    expect(await passwordIs(user.id, DEFAULT_PASSWORD)).toBe(true);
    await expect(createCaller(elsewhere).session.me()).resolves.toBeTruthy();
    expect(await emailsTo(user.email)).toEqual([]);
  });
});

describe('account.setTimeZone', () => {
  it('sets the zone every time is shown in, and a later sign-in from another zone keeps it', async () => {
    const { user, membership } = await member();
    const api = createCaller(await signIn(database.db, membership));

    await expect(api.account.setTimeZone({ timeZone: 'Asia/Tokyo' })).resolves.toEqual({
      timeZone: 'Asia/Tokyo',
      chosen: true,
    });
    await expect(api.session.me()).resolves.toMatchObject({ user: { timeZone: 'Asia/Tokyo' } });
    const [stored] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(stored?.timeZoneChosenAt).toBeInstanceOf(Date);

    // Following the browser again lets the next sign-in update it.
    await api.account.setTimeZone({ timeZone: 'Europe/Berlin', followBrowser: true });
    const [following] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(following).toMatchObject({ timeZone: 'Europe/Berlin', timeZoneChosenAt: null });
  });

  it.each([['Mars/Olympus'], [''], [`Europe/${'x'.repeat(80)}`]])(
    'refuses %j with a message beside the field, never a server error, and changes nothing',
    async (timeZone) => {
      const { user, membership } = await member();
      const api = createCaller(await signIn(database.db, membership));
      const error = await failure(api.account.setTimeZone({ timeZone }));
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
      expect((error as TRPCError).message).toContain('Choose a time zone from the list.');
      const [stored] = await database.db.select().from(users).where(eq(users.id, user.id));
      expect(stored).toMatchObject({ timeZone: null, timeZoneChosenAt: null });
    },
  );
});

describe('requestPasswordReset', () => {
  it('emails nothing for an address without an account', async () => {
    const email = `nobody-${unique()}@example.test`;
    await requestPasswordReset(database.db, { email, now: t0 });
    expect(await emailsTo(email)).toEqual([]);
  });

  it('emails one reset link to a known address', async () => {
    const { user } = await member();
    await requestPasswordReset(database.db, { email: user.email, now: t0 });
    const emails = await emailsTo(user.email);
    expect(emails).toEqual([expect.objectContaining({ kind: 'password-reset' })]);
    expect(emails[0]?.props).toMatchObject({
      resetUrl: expect.stringMatching(/^http:\/\/localhost:3000\/reset-password\?token=.{20,}/),
      expiresInMinutes: 60,
    });
  });
});

describe('resetPassword', () => {
  const resetToken = (userId: string, email: string) =>
    issueEmailToken(database.db, { purpose: 'reset_password', email, userId, now: t0 });
  const reset = (token: string, now: Date) =>
    resetPassword(database.db, { token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, now });

  it('sets the new password once; the same link then says it was used', async () => {
    const { user, membership } = await member();
    const session = await signIn(database.db, membership);
    const token = await resetToken(user.id, user.email);

    await reset(token, minutes(10));
    expect(await passwordIs(user.id, NEW_PASSWORD)).toBe(true);
    expect(((await failure(createCaller(session).session.me())) as TRPCError).code).toBe('UNAUTHORIZED');

    const second = await failure(reset(token, minutes(11)));
    expect(second).toMatchObject({
      code: 'precondition_failed',
      message: 'This link has already been used. Ask for a new one if you still need it.',
    });
  });

  it('refuses a link older than an hour and keeps the old password', async () => {
    const { user } = await member();
    const token = await resetToken(user.id, user.email);
    const error = await failure(reset(token, minutes(61)));
    expect(error).toMatchObject({ code: 'precondition_failed', message: 'This link has expired. Ask for a new one.' });
    expect(await passwordIs(user.id, DEFAULT_PASSWORD)).toBe(true);
    const changed = await database.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, user.email), eq(emailOutbox.kind, 'password-changed')));
    expect(changed).toEqual([]);
  });
});

describe('account.resetPasswordLink', () => {
  it('tells the reset page whether a link can be used, without using it up', async () => {
    const { user } = await member();
    const token = await issueEmailToken(database.db, {
      purpose: 'reset_password',
      email: user.email,
      userId: user.id,
      now: t0,
    });
    const at = (now: Date) => createCaller({ ...anonymous(database.db), now: () => now });

    expect(await at(minutes(10)).account.resetPasswordLink({ token })).toEqual({ ok: true, message: null });
    expect(await at(minutes(10)).account.resetPasswordLink({ token })).toEqual({ ok: true, message: null });
    expect(await at(minutes(61)).account.resetPasswordLink({ token })).toEqual({
      ok: false,
      message: 'This link has expired. Ask for a new one.',
    });
    expect(await at(minutes(10)).account.resetPasswordLink({ token: 'not-a-real-token-0123456789' })).toEqual({
      ok: false,
      message: 'This link is not valid. Ask for a new one.',
    });

    await at(minutes(11)).account.resetPassword({ token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(await at(minutes(12)).account.resetPasswordLink({ token })).toEqual({
      ok: false,
      message: 'This link has already been used. Ask for a new one if you still need it.',
    });
  });

  it('does not accept a link of another purpose', async () => {
    const { user } = await member();
    const token = await issueEmailToken(database.db, {
      purpose: 'set_password',
      email: user.email,
      userId: user.id,
      now: t0,
    });
    expect(
      await createCaller({ ...anonymous(database.db), now: () => minutes(1) }).account.resetPasswordLink({ token }),
    ).toEqual({
      ok: false,
      message: 'This link is not valid. Ask for a new one.',
    });
  });
});
