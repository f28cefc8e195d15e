import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  customerAccounts,
  emailOutbox,
  emailTokens,
  erpContacts,
  erpCustomers,
  erpExcludedCustomers,
  membershipRoles,
  memberships,
  organizations,
  roles,
  users,
} from '@/db/schema';
import { verifyPassword } from '@/server/auth/password';
import { INSTANT_ACCOUNT_MESSAGES } from '@/server/domain/erp/eligibility';
import { setupTestDatabase } from '@/server/testing/database';
import { newStaffActor } from '@/server/testing/staff-actors';
import type { TRPCContext } from '@/server/trpc/context';
import {
  createCaller,
  createMember,
  createOrganization,
  DEFAULT_PASSWORD,
  signIn,
  unique,
} from '@/server/testing/factories';
import { applyErpImport, replaceExcludedCodes } from './import';
import {
  completeInstantAccount,
  createAccountFromContact,
  peekInstantAccount,
  requestInstantAccount,
} from './instant-accounts';
import { setPasswordFromLink } from '../identity/set-password-link';
import { signInWithPassword } from '../identity/sign-in';

const database = setupTestDatabase();
const t0 = new Date('2025-05-01T10:00:00Z');
const hours = (n: number) => new Date(t0.getTime() + n * 3600_000);
const PASSWORD = 'Copper-lantern-58-violet';

type CustomerSeed = {
  name?: string;
  isCashAccount?: boolean;
  currency?: string;
  creditLimitMinor?: number;
  paymentTerms?: string;
};

/** An ERP customer with a unique code, and contacts for it. */
async function erpCustomer(seed: CustomerSeed = {}, ...emails: string[]) {
  const code = `T${unique().toUpperCase()}`;
  const name = seed.name ?? `Customer ${code}`;
  await database.db.insert(erpCustomers).values({ code, name, isCashAccount: false, ...seed, importedAt: t0 });
  for (const email of emails)
    await database.db
      .insert(erpContacts)
      .values({ customerCode: code, email, name: `Contact ${email}`, importedAt: t0 });
  return { code, name };
}

const newEmail = () => `person-${unique()}@erp.test`;

async function linkIn(email: string, kind: 'instant-account' | 'account-created') {
  const rows = await database.db
    .select({ props: emailOutbox.props })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.kind, kind)));
  const props = rows.at(-1)?.props as { completeUrl?: string; setPasswordUrl?: string } | undefined;
  const url = props?.completeUrl ?? props?.setPasswordUrl;
  if (!url) throw new Error(`no ${kind} email to ${email}`);
  return new URL(url).searchParams.get('token') ?? '';
}

async function requestLink(email: string) {
  const outcome = await requestInstantAccount(database.db, { email, clientAddress: `test-${unique()}`, now: t0 });
  const sent = await mailTo(email);
  return {
    outcome,
    token: sent.some((mail) => mail.kind === 'instant-account') ? await linkIn(email, 'instant-account') : '',
  };
}

const mailTo = (email: string) =>
  database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email)).orderBy(emailOutbox.createdAt);

async function membershipsOf(email: string) {
  return database.db
    .select({ organization: organizations, membership: memberships, role: roles.key })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .innerJoin(membershipRoles, eq(membershipRoles.membershipId, memberships.id))
    .innerJoin(roles, eq(roles.id, membershipRoles.roleId))
    .where(eq(users.email, email))
    .orderBy(organizations.name);
}

/** The context of requests carrying the session a real sign-in opened. */
const sessionContext = (sessionId: string): TRPCContext => ({
  db: database.db,
  sessionId,
  clientAddress: '127.0.0.1',
  now: () => new Date(),
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => Promise.reject(new Error('expected a failure')),
    (error: unknown) => error,
  );

describe('requesting an instant account', () => {
  const NEUTRAL = { message: 'If this address belongs to a contact of one of our customers, we have emailed a link.' };

  it('emails a link to a contact of an eligible customer, naming the customer, and answers neutrally', async () => {
    const email = newEmail();
    const customer = await erpCustomer({}, email);
    const { outcome } = await requestLink(email);
    expect(outcome).toEqual(NEUTRAL);
    expect(INSTANT_ACCOUNT_MESSAGES.requested).toBe(NEUTRAL.message);
    const [mail, ...more] = await mailTo(email);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({
      kind: 'instant-account',
      props: {
        customerNames: [customer.name],
        completeUrl: expect.stringContaining('/register/existing-customer/complete?token='),
      },
    });
  });

  it('answers the cash account, an excluded customer and an unknown address the same; only contacts are emailed why', async () => {
    const cash = newEmail();
    const cashCustomer = await erpCustomer({ isCashAccount: true }, cash);
    const excluded = newEmail();
    const excludedCustomer = await erpCustomer({}, excluded);
    await database.db.insert(erpExcludedCustomers).values({ code: excludedCustomer.code });
    const unknown = newEmail();
    for (const email of [cash, excluded, unknown]) expect((await requestLink(email)).outcome).toEqual(NEUTRAL);

    expect(await mailTo(cash)).toMatchObject([
      {
        kind: 'instant-account-refused',
        props: { name: `Contact ${cash}`, reason: 'cash_account', customerNames: [cashCustomer.name] },
      },
    ]);
    expect(await mailTo(excluded)).toMatchObject([
      {
        kind: 'instant-account-refused',
        props: { reason: 'excluded', customerNames: [excludedCustomer.name] },
      },
    ]);
    expect(await mailTo(unknown)).toEqual([]);
    // No link was issued to anyone but a contact who may use it.
    for (const email of [cash, excluded, unknown])
      expect(await database.db.select().from(emailTokens).where(eq(emailTokens.email, email))).toEqual([]);
  });

  it('limits requests per address', async () => {
    const email = newEmail();
    const ask = () => requestInstantAccount(database.db, { email, clientAddress: 'one-address', now: t0 });
    for (let i = 0; i < 5; i++) await ask();
    expect(await failure(ask())).toMatchObject({ code: 'rate_limited' });
  });
});

describe('completing an instant account', () => {
  it('creates an active, verified login and an organization with the ERP terms; the first person manages it', async () => {
    const email = newEmail();
    const customer = await erpCustomer({ currency: 'EUR', creditLimitMinor: 1_234_500, paymentTerms: 'NET 60' }, email);
    const { token } = await requestLink(email);
    expect(await peekInstantAccount(database.db, { token, now: hours(1) })).toEqual({
      ok: true,
      email,
      customerNames: [customer.name],
      hasLogin: false,
    });

    const outcome = await completeInstantAccount(database.db, { token, newPassword: PASSWORD, now: hours(1) });
    expect(outcome).toEqual({ kind: 'created', email, added: [customer.name], already: [] });
    const [user] = await database.db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ status: 'active', emailVerifiedAt: hours(1) });
    expect(await verifyPassword(user?.passwordHash ?? '', PASSWORD)).toBe(true);
    const [row] = await membershipsOf(email);
    expect(row?.organization).toMatchObject({
      kind: 'buyer',
      status: 'active',
      name: customer.name,
      erpCustomerCode: customer.code,
      rootId: row?.organization.id,
    });
    expect(row?.membership).toMatchObject({
      shopAccountRole: 'account_manager',
      status: 'active',
      erpLinked: true,
      mayOrder: true,
      mayAuthorizeOrders: true,
    });
    expect(row?.role).toBe('account_manager');
    const [account] = await database.db
      .select()
      .from(customerAccounts)
      .where(eq(customerAccounts.organizationId, row?.organization.id ?? ''));
    expect(account).toMatchObject({
      currency: 'EUR',
      creditLimitMinor: 1_234_500,
      paymentTerms: 'NET 60',
      paymentMethods: ['card'],
    });
  });

  it('makes later people of the same customer buyers, and uses default terms when the ERP has none', async () => {
    const first = newEmail();
    const second = newEmail();
    await erpCustomer({}, first, second);
    await completeInstantAccount(database.db, {
      token: (await requestLink(first)).token,
      newPassword: PASSWORD,
      now: hours(1),
    });
    await completeInstantAccount(database.db, {
      token: (await requestLink(second)).token,
      newPassword: PASSWORD,
      now: hours(1),
    });
    const [row] = await membershipsOf(second);
    expect(row?.membership).toMatchObject({
      shopAccountRole: 'sub_account',
      mayOrder: true,
      mayAuthorizeOrders: false,
      erpLinked: true,
    });
    expect(row?.role).toBe('buyer');
    const [account] = await database.db
      .select()
      .from(customerAccounts)
      .where(eq(customerAccounts.organizationId, row?.organization.id ?? ''));
    expect(account).toMatchObject({
      currency: 'USD',
      creditLimitMinor: 0,
      paymentTerms: 'NET 30',
      paymentMethods: ['card'],
    });
  });

  it('refuses the same link twice, and an expired link', async () => {
    const email = newEmail();
    await erpCustomer({}, email);
    const { token } = await requestLink(email);
    await completeInstantAccount(database.db, { token, newPassword: PASSWORD, now: hours(1) });
    expect(
      await failure(completeInstantAccount(database.db, { token, newPassword: PASSWORD, now: hours(2) })),
    ).toMatchObject({
      code: 'precondition_failed',
      message: 'This link has already been used. Ask for a new one if you still need it.',
    });

    const late = newEmail();
    await erpCustomer({}, late);
    const expired = (await requestLink(late)).token;
    expect(
      await failure(completeInstantAccount(database.db, { token: expired, newPassword: PASSWORD, now: hours(25) })),
    ).toMatchObject({
      message: 'This link has expired. Ask for a new one.',
    });
    expect(await database.db.select().from(users).where(eq(users.email, late))).toEqual([]);
  });

  it('asks for a password beside the field when the person has no login yet', async () => {
    const email = newEmail();
    await erpCustomer({}, email);
    const { token } = await requestLink(email);
    expect(await failure(completeInstantAccount(database.db, { token, now: hours(1) }))).toMatchObject({
      fieldErrors: { newPassword: ['Choose a password.'] },
    });
  });

  it('adds the missing memberships to an existing login without touching its password', async () => {
    const existing = await createMember(database.db, await createOrganization(database.db));
    const customer = await erpCustomer({}, existing.user.email);
    const { token } = await requestLink(existing.user.email);
    expect(await peekInstantAccount(database.db, { token, now: hours(1) })).toMatchObject({ ok: true, hasLogin: true });
    const outcome = await completeInstantAccount(database.db, {
      token,
      newPassword: 'Some-other-password-99',
      now: hours(1),
    });
    expect(outcome).toEqual({
      kind: 'existing_login',
      email: existing.user.email,
      added: [customer.name],
      already: [],
    });
    const [user] = await database.db.select().from(users).where(eq(users.id, existing.user.id));
    expect(await verifyPassword(user?.passwordHash ?? '', DEFAULT_PASSWORD)).toBe(true);
    expect((await membershipsOf(existing.user.email)).map((row) => row.organization.name).sort()).toEqual(
      [existing.organization.name, customer.name].sort(),
    );
  });

  it('gives one login a membership in each customer it is a contact of, and the switcher moves between them', async () => {
    const email = newEmail();
    const tailspin = await erpCustomer({ name: `Tailspin ${unique()}` }, email);
    const wingtip = await erpCustomer({ name: `Wingtip ${unique()}` }, email);
    const excluded = await erpCustomer({ name: `Excluded ${unique()}` }, email);
    await database.db.insert(erpExcludedCustomers).values({ code: excluded.code });
    const { token } = await requestLink(email);
    const outcome = await completeInstantAccount(database.db, { token, newPassword: PASSWORD, now: hours(1) });
    expect(outcome.added.sort()).toEqual([tailspin.name, wingtip.name].sort());

    const signedIn = await signInWithPassword(database.db, {
      email,
      password: PASSWORD,
      ipAddress: `ip-${unique()}`,
      now: new Date(),
    });
    if (!signedIn.ok) throw new Error(signedIn.message);
    const api = createCaller(sessionContext(signedIn.sessionId));
    const me = await api.session.me();
    expect(me.accounts.map((account) => [account.organizationName, account.usable])).toEqual(
      [
        [tailspin.name, true],
        [wingtip.name, true],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    for (const account of me.accounts) {
      await api.session.switchAccount({ membershipId: account.id });
      expect((await api.organization.current()).name).toBe(account.organizationName);
    }
  });
});

describe('the check at every sign-in and request', () => {
  async function instantMember() {
    const email = newEmail();
    const keep = newEmail();
    const customer = await erpCustomer({}, email, keep);
    await completeInstantAccount(database.db, {
      token: (await requestLink(email)).token,
      newPassword: PASSWORD,
      now: hours(1),
    });
    const signedIn = await signInWithPassword(database.db, {
      email,
      password: PASSWORD,
      ipAddress: `ip-${unique()}`,
      now: new Date(),
    });
    if (!signedIn.ok) throw new Error(signedIn.message);
    const ctx = sessionContext(signedIn.sessionId);
    await createCaller(ctx).organization.current();
    return { email, keep, customer, ctx };
  }

  const reasons = {
    removed: (name: string) =>
      `You are no longer a contact of ${name} in our records, so you cannot sign in to its account. Contact us if this is wrong.`,
    excluded: (name: string) => `The account of ${name} can no longer be used online. Contact us.`,
  };

  it('refuses a person whose contact a re-import removed, at sign-in and on the next request, saying why', async () => {
    const { email, keep, customer, ctx } = await instantMember();
    await applyErpImport(database.db, {
      customersCsv: `customer_code,name,cash_account\n${customer.code},${customer.name},false\n`,
      contactsCsv: `customer_code,email,name\n${customer.code},${keep},Kept\n`,
      actor: null,
      now: new Date(),
    });
    const error = await failure(createCaller(ctx).organization.current());
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: 'FORBIDDEN', message: reasons.removed(customer.name) });
    const again = await signInWithPassword(database.db, {
      email,
      password: PASSWORD,
      ipAddress: `ip-${unique()}`,
      now: new Date(),
    });
    expect(again).toEqual({ ok: false, code: 'no_account', message: reasons.removed(customer.name) });
  });

  it('refuses a person whose customer was excluded, at sign-in and on the next request, saying why', async () => {
    const { email, customer, ctx } = await instantMember();
    const actor = await newStaffActor(database.db);
    await replaceExcludedCodes(database.db, { codes: customer.code, actor, now: new Date() });
    try {
      expect(await failure(createCaller(ctx).organization.current())).toMatchObject({
        code: 'FORBIDDEN',
        message: reasons.excluded(customer.name),
      });
      const again = await signInWithPassword(database.db, {
        email,
        password: PASSWORD,
        ipAddress: `ip-${unique()}`,
        now: new Date(),
      });
      expect(again).toEqual({ ok: false, code: 'no_account', message: reasons.excluded(customer.name) });
    } finally {
      await replaceExcludedCodes(database.db, { codes: '', actor, now: new Date() });
    }
  });
});

describe('staff creating the account from a contact', () => {
  async function contactIdOf(email: string) {
    const [contact] = await database.db
      .select({ id: erpContacts.id })
      .from(erpContacts)
      .where(eq(erpContacts.email, email));
    return contact?.id ?? '';
  }

  it('invites the person without a password; the emailed set-password link works once and they can sign in', async () => {
    const actor = await newStaffActor(database.db, 'seller_admin', { name: 'Sofia Seller' });
    const email = newEmail();
    const customer = await erpCustomer({}, email);
    const result = await createAccountFromContact(database.db, {
      contactId: await contactIdOf(email),
      actor,
      now: t0,
    });
    expect(result.message).toContain(`Account created at ${customer.name}`);
    const [user] = await database.db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ status: 'invited', passwordHash: null });
    const [row] = await membershipsOf(email);
    expect(row?.membership).toMatchObject({ shopAccountRole: 'account_manager', erpLinked: true });

    const token = await linkIn(email, 'account-created');
    const [mail] = await database.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.kind, 'account-created')));
    expect(mail?.props).toMatchObject({
      organizationName: customer.name,
      createdBy: 'Sofia Seller',
      setPasswordUrl: expect.stringContaining('/set-password?token='),
    });
    await setPasswordFromLink(database.db, { token, newPassword: PASSWORD, confirmPassword: PASSWORD, now: hours(1) });
    expect(
      await failure(
        setPasswordFromLink(database.db, { token, newPassword: PASSWORD, confirmPassword: PASSWORD, now: hours(2) }),
      ),
    ).toMatchObject({
      message: 'This link has already been used. Ask for a new one if you still need it.',
    });
    const signedIn = await signInWithPassword(database.db, {
      email,
      password: PASSWORD,
      ipAddress: `ip-${unique()}`,
      now: hours(2),
    });
    expect(signedIn.ok).toBe(true);
  });

  it('refuses the cash account and a contact who already has the account', async () => {
    const actor = await newStaffActor(database.db, 'seller_admin', { name: 'Sofia Seller' });
    const cash = newEmail();
    await erpCustomer({ isCashAccount: true }, cash);
    expect(
      await failure(createAccountFromContact(database.db, { contactId: await contactIdOf(cash), actor, now: t0 })),
    ).toMatchObject({
      code: 'precondition_failed',
      message: expect.stringContaining('is the cash account'),
    });
    const twice = newEmail();
    await erpCustomer({}, twice);
    await createAccountFromContact(database.db, { contactId: await contactIdOf(twice), actor, now: t0 });
    expect(
      await failure(createAccountFromContact(database.db, { contactId: await contactIdOf(twice), actor, now: t0 })),
    ).toMatchObject({ code: 'conflict' });
  });

  it('is refused to a buyer through the API', async () => {
    const buyer = await createMember(database.db, await createOrganization(database.db), {
      roles: ['account_manager'],
    });
    const error = await failure(
      createCaller(await signIn(database.db, buyer.membership)).erp.contacts({ page: 1, pageSize: 10 }),
    );
    expect(error).toMatchObject({ code: 'FORBIDDEN' });
  });
});
