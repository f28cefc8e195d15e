import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { issueEmailToken } from '@/server/auth/email-tokens';
import { verifyPassword } from '@/server/auth/password';
import { setupTestDatabase } from '@/server/testing/database';
import { createCaller, anonymous, createUser } from '@/server/testing/factories';
import { peekSetPasswordLink, setPasswordFromLink } from './set-password-link';

const database = setupTestDatabase();
const t0 = new Date('2025-06-02T08:00:00Z');
const days = (n: number) => new Date(t0.getTime() + n * 24 * 3600_000);
const PASSWORD = 'Harbour-cobalt-31-fern';

async function invited(overrides: Partial<typeof users.$inferInsert> = {}) {
  const user = await createUser(database.db, { status: 'invited', passwordHash: null, ...overrides });
  const token = await issueEmailToken(database.db, {
    purpose: 'set_password',
    email: user.email,
    userId: user.id,
    now: t0,
  });
  return { user, token };
}

const set = (token: string, now: Date, newPassword = PASSWORD) =>
  setPasswordFromLink(database.db, { token, newPassword, confirmPassword: newPassword, now });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => Promise.reject(new Error('expected a failure')),
    (error: unknown) => error,
  );

describe('setting the first password from a link', () => {
  it('activates and verifies the login once; the link then says it was used', async () => {
    const { user, token } = await invited();
    expect(await peekSetPasswordLink(database.db, { token, now: days(1) })).toEqual({
      ok: true,
      email: user.email,
      name: user.name,
    });
    expect(await set(token, days(1))).toEqual({ email: user.email });
    const [after] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(after).toMatchObject({ status: 'active', emailVerifiedAt: days(1), passwordChangedAt: days(1) });
    expect(await verifyPassword(after?.passwordHash ?? '', PASSWORD)).toBe(true);
    expect(await failure(set(token, days(2)))).toMatchObject({
      message: 'This link has already been used. Ask for a new one if you still need it.',
    });
    expect(await peekSetPasswordLink(database.db, { token, now: days(2) })).toMatchObject({
      ok: false,
      message: expect.stringContaining('already been used'),
    });
  });

  it('refuses a link older than seven days', async () => {
    const { token } = await invited();
    expect(await failure(set(token, days(7)))).toMatchObject({
      code: 'precondition_failed',
      message: 'This link has expired. Ask for a new one.',
    });
  });

  it('refuses a weak password beside the field and keeps the link usable', async () => {
    const { user, token } = await invited();
    const localPart = user.email.split('@')[0] ?? '';
    expect(await failure(set(token, days(1), `${localPart}-Xy9`))).toMatchObject({
      fieldErrors: { newPassword: ['Do not use your email address in your password.'] },
    });
    await expect(set(token, days(1))).resolves.toEqual({ email: user.email });
  });

  it('refuses a deactivated login, and one that already chose a password', async () => {
    const deactivated = await invited({ status: 'deactivated' });
    expect(await failure(set(deactivated.token, days(1)))).toMatchObject({
      message: expect.stringContaining('cannot be signed in to'),
    });
    const chosen = await createUser(database.db);
    const token = await issueEmailToken(database.db, {
      purpose: 'set_password',
      email: chosen.email,
      userId: chosen.id,
      now: t0,
    });
    expect(await failure(set(token, days(1)))).toMatchObject({
      message: expect.stringContaining('You have already chosen a password'),
    });
  });

  it('works through the public API', async () => {
    const { user, token } = await invited();
    const api = createCaller({ ...anonymous(database.db), now: () => days(1) });
    expect(await api.invitations.setPasswordLink({ token })).toMatchObject({ ok: true, email: user.email });
    await expect(
      api.invitations.setPassword({ token, newPassword: PASSWORD, confirmPassword: PASSWORD }),
    ).resolves.toEqual({ email: user.email });
  });
});
