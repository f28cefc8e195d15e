import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { memberships, organizationProfiles, organizations, users } from '@/db/schema';
import { setupTestDatabase } from '@/server/testing/database';
import { anonymous, createCaller, createMember, createOrganization } from '@/server/testing/factories';
import { emailsTo, registrationInput, tokenFromEmail } from '@/server/testing/onboarding';
import { REGISTRATION_RECEIVED } from './register';
import { trpcErrorOf } from '@/server/testing/errors';

const database = setupTestDatabase();
let sellerAdminEmail: string;

beforeAll(async () => {
  const seller = await createOrganization(database.db, { kind: 'seller' });
  sellerAdminEmail = (await createMember(database.db, seller, { roles: ['seller_admin'] })).user.email;
});

const publicApi = () => createCaller(anonymous(database.db));

describe('registering an organization', () => {
  it('creates it pending with an administrator who cannot sign in yet, and emails the right people', async () => {
    const input = registrationInput();
    const answer = await publicApi().onboarding.register(input);
    expect(answer.message).toBe(REGISTRATION_RECEIVED);

    const [organization] = await database.db
      .select()
      .from(organizations)
      .where(eq(organizations.name, input.organizationName));
    expect(organization).toMatchObject({ status: 'pending_approval', kind: 'buyer', parentId: null });
    const [profile] = await database.db
      .select()
      .from(organizationProfiles)
      .where(eq(organizationProfiles.organizationId, organization?.id ?? ''));
    expect(profile).toMatchObject({ taxNumber: input.taxNumber, country: 'US', contactEmail: input.adminEmail });
    const [admin] = await database.db.select().from(users).where(eq(users.email, input.adminEmail));
    expect(admin).toMatchObject({ status: 'invited', emailVerifiedAt: null });
    const [membership] = await database.db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, admin?.id ?? ''));
    expect(membership).toMatchObject({ shopAccountRole: 'account_manager', organizationId: organization?.id });

    expect((await emailsTo(database.db, input.adminEmail)).map((email) => email.kind)).toEqual(['verify-email']);
    const [notice] = await emailsTo(database.db, sellerAdminEmail, 'registration-received');
    expect(notice?.props).toMatchObject({
      organizationName: input.organizationName,
      reviewUrl: expect.stringContaining(`/staff/registrations/${organization?.id}`),
    });
  });

  it('answers the same for an address that already has a login, creates nothing, and tells that address', async () => {
    const existing = registrationInput();
    await publicApi().onboarding.register(existing);
    const again = registrationInput({ adminEmail: existing.adminEmail });
    const answer = await publicApi().onboarding.register(again);
    expect(answer.message).toBe(REGISTRATION_RECEIVED);
    expect(
      await database.db.select().from(organizations).where(eq(organizations.name, again.organizationName)),
    ).toEqual([]);
    expect((await emailsTo(database.db, existing.adminEmail)).map((email) => email.kind)).toEqual([
      'account-exists',
      'verify-email',
    ]);
  });

  it('puts field errors beside the fields for over-long names, a malformed email and a weak password', async () => {
    const error = await trpcErrorOf(
      publicApi().onboarding.register(
        registrationInput({ organizationName: 'x'.repeat(201), adminEmail: 'not-an-email', password: 'short' }),
      ),
    );
    expect(error.code).toBe('BAD_REQUEST');
    const fieldErrors = (error.cause as unknown as { issues: { path: string[] }[] }).issues.map(
      (issue) => issue.path[0],
    );
    expect(fieldErrors).toEqual(expect.arrayContaining(['organizationName', 'adminEmail', 'password']));

    const common = await trpcErrorOf(publicApi().onboarding.register(registrationInput({ password: 'password1234' })));
    expect(common.message).toBe('This password is too common. Choose another.');
  });
});

describe('confirming the email address', () => {
  it('works once; the second use and an unknown token are refused with clear messages', async () => {
    const input = registrationInput();
    await publicApi().onboarding.register(input);
    const token = await tokenFromEmail(database.db, input.adminEmail, 'verify-email', 'verifyUrl');

    await publicApi().onboarding.verifyEmail({ token });
    const [admin] = await database.db.select().from(users).where(eq(users.email, input.adminEmail));
    expect(admin?.emailVerifiedAt).toBeInstanceOf(Date);

    const reused = await trpcErrorOf(publicApi().onboarding.verifyEmail({ token }));
    expect(reused.message).toBe('This link has already been used. Ask for a new one if you still need it.');
    const unknown = await trpcErrorOf(publicApi().onboarding.verifyEmail({ token: 'x'.repeat(43) }));
    expect(unknown.code).toBe('NOT_FOUND');
  });

  it('refuses an expired link', async () => {
    const input = registrationInput();
    await publicApi().onboarding.register(input);
    const token = await tokenFromEmail(database.db, input.adminEmail, 'verify-email', 'verifyUrl');
    const later = { ...anonymous(database.db), now: () => new Date(Date.now() + 49 * 3600_000) };
    const expired = await trpcErrorOf(createCaller(later).onboarding.verifyEmail({ token }));
    expect(expired.message).toBe('This link has expired. Ask for a new one.');
  });
});
