import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { memberships, users, type Organization } from '@/db/schema';
import { setupTestDatabase } from '@/server/testing/database';
import {
  ACCOUNT_MANAGER,
  anonymous,
  createCaller,
  createMember,
  createOrganization,
  signIn,
  unique,
  type Member,
} from '@/server/testing/factories';
import { emailsTo, tokenFromEmail } from '@/server/testing/onboarding';
import { signInWithPassword } from '../identity/sign-in';
import { trpcErrorOf } from '@/server/testing/errors';

const database = setupTestDatabase();
let organization: Organization;
let administrator: Member;

beforeAll(async () => {
  organization = await createOrganization(database.db);
  administrator = await createMember(database.db, organization, ACCOUNT_MANAGER);
});

const adminApi = async () => createCaller(await signIn(database.db, administrator.membership));
const publicApi = () => createCaller(anonymous(database.db));
const person = () => ({
  name: `Joiner ${unique()}`,
  email: `joiner-${unique()}@join.test`,
  password: 'Granite-meadow-19-kite',
});

async function askToJoin() {
  const { code } = await (await adminApi()).joinRequests.code();
  const joiner = person();
  await publicApi().onboarding.join({ code: code.toLowerCase().replaceAll('-', ' '), ...joiner });
  const [user] = await database.db.select().from(users).where(eq(users.email, joiner.email));
  const [membership] = await database.db
    .select()
    .from(memberships)
    .where(eq(memberships.userId, user?.id ?? ''));
  return { joiner, membershipId: membership?.id ?? '' };
}

const signInAs = (joiner: { email: string; password: string }) =>
  signInWithPassword(database.db, {
    email: joiner.email,
    password: joiner.password,
    ipAddress: '10.1.1.1',
    now: new Date(),
  });

describe('joining with the invitation code', () => {
  it('waits for the administrator, who is emailed; approval is refused until the email is confirmed', async () => {
    const { joiner, membershipId } = await askToJoin();
    expect(await signInAs(joiner)).toMatchObject({
      ok: false,
      message: `Your request to join ${organization.name} is waiting for its administrator's approval.`,
    });
    expect((await emailsTo(database.db, administrator.user.email, 'join-requested'))[0]?.props).toMatchObject({
      requesterEmail: joiner.email,
    });

    const pending = await (await adminApi()).joinRequests.pending();
    expect(pending.map((request) => request.email)).toContain(joiner.email);
    const early = await trpcErrorOf((await adminApi()).joinRequests.approve({ membershipId }));
    expect(early.message).toContain('has not confirmed their email address yet');

    await publicApi().onboarding.verifyEmail({
      token: await tokenFromEmail(database.db, joiner.email, 'verify-email', 'verifyUrl'),
    });
    await (await adminApi()).joinRequests.approve({ membershipId });
    expect((await emailsTo(database.db, joiner.email, 'join-decided'))[0]?.props).toMatchObject({ approved: true });
    expect((await signInAs(joiner)).ok).toBe(true);

    const twice = await trpcErrorOf((await adminApi()).joinRequests.decline({ membershipId }));
    expect(twice).toMatchObject({ code: 'CONFLICT', message: 'This request was already approved.' });
  });

  it('a declined person is told so and cannot sign in', async () => {
    const { joiner, membershipId } = await askToJoin();
    await (await adminApi()).joinRequests.decline({ membershipId });
    expect((await emailsTo(database.db, joiner.email, 'join-decided'))[0]?.props).toMatchObject({ approved: false });
    expect(await signInAs(joiner)).toMatchObject({
      ok: false,
      message: `Your request to join ${organization.name} was declined.`,
    });
  });

  it('refuses a wrong code beside the code field, and an old code after a new one is made', async () => {
    const wrong = await trpcErrorOf(publicApi().onboarding.join({ code: 'AAAA-BBBB-CCCC', ...person() }));
    expect(wrong.cause).toMatchObject({
      fieldErrors: { code: ['That invitation code is not valid. Ask your administrator for the current one.'] },
    });
    const { code: old } = await (await adminApi()).joinRequests.code();
    const { code: fresh } = await (await adminApi()).joinRequests.regenerateCode();
    expect(fresh).not.toBe(old);
    expect((await trpcErrorOf(publicApi().onboarding.join({ code: old, ...person() }))).code).toBe('BAD_REQUEST');
  });

  it('answers the same for an address that already has a login, and emails that address instead', async () => {
    const { code } = await (await adminApi()).joinRequests.code();
    const answer = await publicApi().onboarding.join({
      code,
      name: 'Someone',
      email: administrator.user.email,
      password: 'Granite-meadow-19-kite',
    });
    expect(answer.message).toContain('Confirm your email address');
    expect((await emailsTo(database.db, administrator.user.email))[0]?.kind).toBe('account-exists');
  });

  it('is refused to a member without the permission to manage users', async () => {
    const buyer = await createMember(database.db, organization, { roles: ['buyer'] });
    const refused = await trpcErrorOf(createCaller(await signIn(database.db, buyer.membership)).joinRequests.pending());
    expect(refused.code).toBe('FORBIDDEN');
  });
});
