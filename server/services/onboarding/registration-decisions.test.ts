import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { organizationAddresses, organizations, users } from '@/db/schema';
import { setupTestDatabase } from '@/server/testing/database';
import {
  anonymous,
  createCaller,
  createMember,
  createOrganization,
  signIn,
  type Member,
} from '@/server/testing/factories';
import { emailsTo, registrationInput, tokenFromEmail } from '@/server/testing/onboarding';
import { signInWithPassword } from '../identity/sign-in';
import { trpcErrorOf } from '@/server/testing/errors';

const database = setupTestDatabase();
const staff: Record<'admin' | 'rep' | 'otherRep' | 'payments', Member> = {} as never;

beforeAll(async () => {
  const seller = await createOrganization(database.db, { kind: 'seller' });
  staff.admin = await createMember(database.db, seller, { roles: ['seller_admin'] });
  staff.rep = await createMember(database.db, seller, { roles: ['account_rep'] });
  staff.otherRep = await createMember(database.db, seller, { roles: ['account_rep'] });
  staff.payments = await createMember(database.db, seller, { roles: ['payment_reviewer'] });
});

const as = async (member: Member) => createCaller(await signIn(database.db, member.membership));

/** A registration whose administrator confirmed their email; returns its id and the form. */
async function registered() {
  const input = registrationInput();
  const open = createCaller(anonymous(database.db));
  await open.onboarding.register(input);
  await open.onboarding.verifyEmail({
    token: await tokenFromEmail(database.db, input.adminEmail, 'verify-email', 'verifyUrl'),
  });
  const [organization] = await database.db
    .select()
    .from(organizations)
    .where(eq(organizations.name, input.organizationName));
  return { organizationId: organization?.id ?? '', input };
}

const account = (organizationId: string) => ({
  organizationId,
  currency: 'USD',
  creditLimit: '25,000.00',
  paymentTerms: 'NET 30' as const,
  paymentMethods: ['on_account' as const, 'card' as const],
});
const contract = (organizationId: string) => ({
  organizationId,
  name: 'Master agreement',
  discountPercent: '2.5',
  validFrom: '2020-01-01',
});

describe('setting up the account', () => {
  it('is for the assigned representative or a seller administrator, not another representative', async () => {
    const { organizationId } = await registered();
    await (
      await as(staff.admin)
    ).registrations.assignRepresentative({ organizationId, representativeMembershipId: staff.rep.membership.id });
    expect((await emailsTo(database.db, staff.rep.user.email, 'representative-assigned')).length).toBe(1);

    const refused = await trpcErrorOf((await as(staff.otherRep)).registrations.saveAccount(account(organizationId)));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain('Only the account representative assigned to this organization');

    await (await as(staff.rep)).registrations.saveAccount(account(organizationId));
    await (await as(staff.admin)).registrations.addContract(contract(organizationId));
    const detail = await (await as(staff.rep)).registrations.get({ organizationId });
    expect(detail.account).toMatchObject({ currency: 'USD', creditLimitMinor: 2_500_000, paymentTerms: 'NET 30' });
    expect(detail.contracts[0]?.contract).toMatchObject({ discountBasisPoints: 250 });
    expect(detail.blockers).toEqual([]);
  });

  it('refuses staff without the registrations permission at all', async () => {
    const { organizationId } = await registered();
    expect((await trpcErrorOf((await as(staff.payments)).registrations.get({ organizationId }))).code).toBe(
      'FORBIDDEN',
    );
  });

  it('shows a bad amount beside the credit limit field', async () => {
    const { organizationId } = await registered();
    const error = await trpcErrorOf(
      (await as(staff.admin)).registrations.saveAccount({ ...account(organizationId), creditLimit: '-5' }),
    );
    expect(error.cause).toMatchObject({
      fieldErrors: { creditLimit: ['Enter an amount in USD, like 25000 or 25,000.00.'] },
    });
  });
});

describe('approving', () => {
  it('is refused, naming what is missing, until an account and a current contract exist', async () => {
    const { organizationId } = await registered();
    const admin = await as(staff.admin);
    const refused = await trpcErrorOf(admin.registrations.approve({ organizationId }));
    expect(refused.code).toBe('PRECONDITION_FAILED');
    expect(refused.message).toMatch(/account is not set up.*no current contract/);
    await admin.registrations.saveAccount(account(organizationId));
    await admin.registrations.addContract({
      ...contract(organizationId),
      validFrom: '2020-01-01',
      validTo: '2020-12-31',
    });
    expect((await trpcErrorOf(admin.registrations.approve({ organizationId }))).message).toContain(
      'no current contract',
    );
  });

  it('activates the organization and its administrator, who is emailed and can then sign in; twice is refused', async () => {
    const { organizationId, input } = await registered();
    const admin = await as(staff.admin);
    await admin.registrations.saveAccount(account(organizationId));
    await admin.registrations.addContract(contract(organizationId));
    await admin.registrations.approve({ organizationId });

    const [organization] = await database.db.select().from(organizations).where(eq(organizations.id, organizationId));
    expect(organization?.status).toBe('active');
    // The registered address is its first ship-to address, so the administrator can order at once.
    const addresses = await database.db
      .select()
      .from(organizationAddresses)
      .where(eq(organizationAddresses.organizationId, organizationId));
    expect(addresses).toEqual([
      expect.objectContaining({ addressLine1: input.addressLine1, city: input.city, isDefault: true, active: true }),
    ]);
    const [user] = await database.db.select().from(users).where(eq(users.email, input.adminEmail));
    expect(user?.status).toBe('active');
    const [approved] = await emailsTo(database.db, input.adminEmail, 'organization-approved');
    expect(approved?.props).toMatchObject({
      organizationName: input.organizationName,
      signInUrl: expect.stringContaining('/sign-in'),
    });
    const signedIn = await signInWithPassword(database.db, {
      email: input.adminEmail,
      password: input.password,
      ipAddress: '10.0.0.1',
      now: new Date(),
    });
    expect(signedIn.ok).toBe(true);

    const twice = await trpcErrorOf(admin.registrations.approve({ organizationId }));
    expect(twice.code).toBe('CONFLICT');
    expect(twice.message).toContain(`${staff.admin.user.name} already approved it on`);
  });

  it('is refused while the administrator has not confirmed their email', async () => {
    const input = registrationInput();
    await createCaller(anonymous(database.db)).onboarding.register(input);
    const [organization] = await database.db
      .select()
      .from(organizations)
      .where(eq(organizations.name, input.organizationName));
    const refused = await trpcErrorOf(
      (await as(staff.admin)).registrations.approve({ organizationId: organization?.id ?? '' }),
    );
    expect(refused.message).toContain('has not confirmed their email address');
  });
});

describe('rejecting, suspending, reactivating', () => {
  it('needs a reason, sends it to the administrator, and keeps them out', async () => {
    const { organizationId, input } = await registered();
    const admin = await as(staff.admin);
    const noReason = await trpcErrorOf(admin.registrations.reject({ organizationId, reason: '' }));
    expect(noReason.code).toBe('BAD_REQUEST');

    await admin.registrations.reject({ organizationId, reason: 'We only sell to resellers.' });
    const [rejected] = await emailsTo(database.db, input.adminEmail, 'organization-rejected');
    expect(rejected?.props).toMatchObject({ reason: 'We only sell to resellers.' });
    const signIn = await signInWithPassword(database.db, {
      email: input.adminEmail,
      password: input.password,
      ipAddress: '10.0.0.2',
      now: new Date(),
    });
    expect(signIn).toMatchObject({
      ok: false,
      message: `The registration of ${input.organizationName} was not approved.`,
    });
    expect((await trpcErrorOf(admin.registrations.approve({ organizationId }))).code).toBe('CONFLICT');
  });

  it('suspending refuses the members on their next request with the reason why; reactivating lets them back', async () => {
    const buyerOrganization = await createOrganization(database.db);
    const buyer = await createMember(database.db, buyerOrganization, { roles: ['buyer'] });
    const buyerApi = await as(buyer);
    await buyerApi.organization.current();
    const admin = await as(staff.admin);

    await admin.registrations.suspend({ organizationId: buyerOrganization.id, reason: 'Invoices unpaid for 90 days.' });
    const refused = await trpcErrorOf(buyerApi.organization.current());
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toBe(`${buyerOrganization.name} is suspended. Contact us to have it reactivated.`);

    await admin.registrations.reactivate({ organizationId: buyerOrganization.id });
    expect((await buyerApi.organization.current()).name).toBe(buyerOrganization.name);
  });
});
