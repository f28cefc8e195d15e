import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { setupTestDatabase } from '@/server/testing/database';
import {
  anonymous,
  createCaller,
  createMember,
  createOrganization,
  DEFAULT_PASSWORD,
} from '@/server/testing/factories';
import { emailsTo, tokenFromEmail } from '@/server/testing/onboarding';
import { signInWithPassword } from './sign-in';

const database = setupTestDatabase();
const lastActive = new Date('2026-01-01T09:00:00Z');
const daysLater = (days: number) => new Date(lastActive.getTime() + days * 24 * 3600_000);

async function inactiveMember() {
  const member = await createMember(database.db, await createOrganization(database.db));
  await database.db.update(users).set({ lastActiveAt: lastActive }).where(eq(users.id, member.user.id));
  return member;
}

const signInAt = (email: string, now: Date) =>
  signInWithPassword(database.db, {
    email,
    password: DEFAULT_PASSWORD,
    ipAddress: '10.2.2.2',
    now,
    reverifyAfterDays: 90,
  });

describe('re-verification after a long absence', () => {
  it('lets a user in after 89 days', async () => {
    const member = await inactiveMember();
    expect((await signInAt(member.user.email, daysLater(89))).ok).toBe(true);
  });

  it('after 91 days marks them expired, emails a link once, and the link restores the account without a new password', async () => {
    const member = await inactiveMember();
    const outcome = await signInAt(member.user.email, daysLater(91));
    expect(outcome).toMatchObject({
      ok: false,
      code: 'expired',
      message: expect.stringContaining('more than 90 days'),
    });
    const [user] = await database.db.select().from(users).where(eq(users.id, member.user.id));
    expect(user?.status).toBe('expired');

    await signInAt(member.user.email, daysLater(91));
    expect(await emailsTo(database.db, member.user.email, 'reverify')).toHaveLength(1);

    const token = await tokenFromEmail(database.db, member.user.email, 'reverify', 'reverifyUrl');
    const open = createCaller({ ...anonymous(database.db), now: () => daysLater(91) });
    await open.onboarding.reverify({ token });
    expect((await signInAt(member.user.email, daysLater(91))).ok).toBe(true);

    const reused = await open.onboarding.reverify({ token }).catch((error: unknown) => error);
    expect(reused).toBeInstanceOf(TRPCError);
    expect((reused as TRPCError).message).toContain('already been used');
  });

  it('says nothing about expiry to someone with the wrong password', async () => {
    const member = await inactiveMember();
    const outcome = await signInWithPassword(database.db, {
      email: member.user.email,
      password: 'wrong-password',
      ipAddress: '10.2.2.3',
      now: daysLater(200),
    });
    expect(outcome).toMatchObject({ ok: false, code: 'invalid_credentials' });
    expect(await emailsTo(database.db, member.user.email, 'reverify')).toHaveLength(0);
  });
});
