import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { predefinedRoleIds } from '@/db/predefined-roles';
import {
  customerAccounts,
  erpContacts,
  erpCustomers,
  membershipRoles,
  memberships,
  organizations,
  users,
  type User,
} from '@/db/schema';
import { consumeEmailToken, issueEmailToken, peekEmailToken } from '@/server/auth/email-tokens';
import { hashPassword } from '@/server/auth/password';
import type { Actor } from '@/server/domain/access/actor';
import { passwordProblem } from '@/server/domain/auth/password-policy';
import { describeRetryAfter } from '@/server/domain/auth/rate-limit';
import {
  customerEligibility,
  decideInstantAccount,
  INSTANT_ACCOUNT_LIMITS,
  INSTANT_ACCOUNT_MESSAGES,
  instantCustomerAccount,
  instantMembershipTerms,
  staffCreationProblem,
  type ContactCustomer,
} from '@/server/domain/erp/eligibility';
import { conflict, DomainError, invalidField, notFound } from '@/server/domain/errors';
import { enqueueEmail } from '@/server/email/outbox';
import { appUrl } from '@/server/env';
import { isExcludedCode } from './import';
import { checkRateLimits, countRateLimitedEvent } from '../identity/rate-limits';
import { recordAudit } from '../audit/record-audit';

const customerColumns = {
  code: erpCustomers.code,
  name: erpCustomers.name,
  isCashAccount: erpCustomers.isCashAccount,
  excluded: isExcludedCode(erpCustomers.code),
  currency: erpCustomers.currency,
  creditLimitMinor: erpCustomers.creditLimitMinor,
  paymentTerms: erpCustomers.paymentTerms,
};

/** The ERP customers an email address is a contact of, as the last import has them. */
async function customersOfContact(db: Executor, email: string) {
  return db
    .select({ ...customerColumns, contactName: erpContacts.name })
    .from(erpContacts)
    .innerJoin(erpCustomers, eq(erpCustomers.code, erpContacts.customerCode))
    .where(eq(erpContacts.email, email))
    .orderBy(erpCustomers.name);
}

/** One login per email: concurrent creations for the same address wait for each other. */
async function lockEmail(tx: Executor, email: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`countersign.user-email:${email}`}))`);
}

export type InstantAccountRequestOutcome = { message: string };

/**
 * "I already buy from you": answers every address alike, so the form tells no one who our
 * customers' contacts are. What happened goes by email to the address itself, and only to a
 * contact: a link to finish for an eligible customer's contact, why not for a cash-sale or excluded
 * one's, nothing for an unknown address. Every path runs the same statements up to the emails
 * (the router's answerAfter hides the rest).
 */
export async function requestInstantAccount(
  db: Database,
  input: { email: string; clientAddress: string; now: Date },
): Promise<InstantAccountRequestOutcome> {
  const keys = [
    { key: `instant-account:email:${input.email}`, rule: INSTANT_ACCOUNT_LIMITS.perEmail },
    { key: `instant-account:address:${input.clientAddress}`, rule: INSTANT_ACCOUNT_LIMITS.perAddress },
  ];
  const verdict = await checkRateLimits(db, keys, input.now);
  if (!verdict.allowed)
    throw new DomainError(
      'rate_limited',
      `Too many requests. Try again in ${describeRetryAfter(verdict.retryAfterMs)}.`,
    );
  await countRateLimitedEvent(db, keys, input.now);
  await db.transaction(async (tx) => {
    const customers = await customersOfContact(tx, input.email);
    const decision = decideInstantAccount(customers);
    const name = customers[0]?.contactName ?? input.email;
    if (decision.kind === 'eligible') {
      const token = await issueEmailToken(tx, { purpose: 'instant_account', email: input.email, now: input.now });
      await enqueueEmail(tx, {
        kind: 'instant-account',
        to: input.email,
        props: {
          name,
          customerNames: decision.customers.map((customer) => customer.name),
          completeUrl: appUrl(`/register/existing-customer/complete?token=${token}`),
        },
      });
    } else if (decision.reason !== 'no_contact') {
      const reason = decision.reason;
      await enqueueEmail(tx, {
        kind: 'instant-account-refused',
        to: input.email,
        props: {
          name,
          reason,
          customerNames: customers
            .filter((customer) => customerEligibility(customer) === reason)
            .map((customer) => customer.name),
        },
      });
    }
  });
  return { message: INSTANT_ACCOUNT_MESSAGES.requested };
}

/** What the link's page shows: whose link, which organizations, whether a password is needed. */
export async function peekInstantAccount(db: Database, input: { token: string; now: Date }) {
  const check = await peekEmailToken(db, input.token, 'instant_account', input.now);
  if (!check.ok) return { ok: false as const, message: check.message };
  const email = check.token.email;
  const decision = decideInstantAccount(await customersOfContact(db, email));
  if (decision.kind === 'refused') return { ok: false as const, message: decision.message };
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.email, email));
  return {
    ok: true as const,
    email,
    customerNames: decision.customers.map((customer) => customer.name),
    hasLogin: Boolean(user?.passwordHash),
  };
}

type Provisioned = { organizationId: string; organizationName: string; membershipId: string | null };

/** The organization made from this ERP customer, created (with its customer account) on first use. */
async function organizationForCustomer(tx: Executor, customer: ContactCustomer, now: Date) {
  const id = randomUUID();
  const [created] = await tx
    .insert(organizations)
    .values({
      id,
      rootId: id,
      kind: 'buyer',
      name: customer.name,
      status: 'active',
      erpCustomerCode: customer.code,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: organizations.erpCustomerCode })
    .returning({ id: organizations.id, name: organizations.name });
  if (created) {
    await tx
      .insert(customerAccounts)
      .values({ organizationId: created.id, ...instantCustomerAccount(customer), updatedAt: now });
    return { ...created, created: true };
  }
  const [existing] = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.erpCustomerCode, customer.code));
  if (!existing) throw new Error(`no organization for ERP customer ${customer.code}`);
  return { ...existing, created: false };
}

/** Gives the user an ERP-linked membership in the customer's organization, unless they hold one already. */
async function provisionMembership(
  tx: Executor,
  input: { user: Pick<User, 'id'>; customer: ContactCustomer; actorUserId: string; now: Date },
): Promise<Provisioned> {
  const organization = await organizationForCustomer(tx, input.customer, input.now);
  const result = { organizationId: organization.id, organizationName: organization.name };
  const [existing] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, input.user.id), eq(memberships.organizationId, organization.id)));
  if (existing) return { ...result, membershipId: null };
  const terms = instantMembershipTerms(organization.created);
  const roleId = (await predefinedRoleIds(tx)).get(terms.roleKey);
  if (!roleId) throw new Error(`no predefined role ${terms.roleKey}`);
  const [membership] = await tx
    .insert(memberships)
    .values({
      userId: input.user.id,
      organizationId: organization.id,
      unitId: organization.id,
      shopAccountRole: terms.shopAccountRole,
      status: 'active',
      erpLinked: true,
      mayOrder: terms.mayOrder,
      mayAuthorizeOrders: terms.mayAuthorizeOrders,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning({ id: memberships.id });
  if (!membership) throw new Error('membership insert failed');
  await tx.insert(membershipRoles).values({ membershipId: membership.id, roleId });
  await recordAudit(tx, {
    organizationId: organization.id,
    actorUserId: input.actorUserId,
    action: 'membership.created_from_erp',
    targetType: 'membership',
    targetId: membership.id,
    data: { customerCode: input.customer.code, role: terms.roleKey, organizationCreated: organization.created },
    now: input.now,
  });
  return { ...result, membershipId: membership.id };
}

export type InstantAccountOutcome = {
  kind: 'created' | 'existing_login';
  email: string;
  added: string[];
  already: string[];
};

/**
 * Follows the emailed link: creates the login (or keeps an existing one and its password) and an
 * active membership in every eligible customer's organization, all in one transaction.
 */
export async function completeInstantAccount(
  db: Database,
  input: { token: string; newPassword?: string; now: Date },
): Promise<InstantAccountOutcome> {
  const passwordHash = input.newPassword ? await hashPassword(input.newPassword) : null;
  return db.transaction(async (tx) => {
    const token = await consumeEmailToken(tx, input.token, 'instant_account', input.now);
    const email = token.email;
    await lockEmail(tx, email);
    const customers = await customersOfContact(tx, email);
    const decision = decideInstantAccount(customers);
    if (decision.kind === 'refused') throw new DomainError('precondition_failed', decision.message);
    const [existing] = await tx.select().from(users).where(eq(users.email, email));
    if (existing?.status === 'deactivated')
      throw new DomainError('forbidden', 'This login has been deactivated. Please contact us.');
    const hasLogin = Boolean(existing?.passwordHash);
    let userId = existing?.id;
    if (!hasLogin) {
      const problem = input.newPassword ? passwordProblem(input.newPassword, email) : 'Choose a password.';
      if (problem || !passwordHash) throw invalidField('newPassword', problem ?? 'Choose a password.');
      const login = {
        passwordHash,
        status: 'active' as const,
        emailVerifiedAt: input.now,
        passwordChangedAt: input.now,
        updatedAt: input.now,
      };
      if (existing) await tx.update(users).set(login).where(eq(users.id, existing.id));
      else
        userId = (
          await tx
            .insert(users)
            .values({ email, name: customers[0]?.contactName ?? email, ...login })
            .returning({ id: users.id })
        )[0]?.id;
    } else if (existing && !existing.emailVerifiedAt) {
      await tx.update(users).set({ emailVerifiedAt: input.now, updatedAt: input.now }).where(eq(users.id, existing.id));
    }
    if (!userId) throw new Error('user insert failed');
    const results: Provisioned[] = [];
    for (const customer of decision.customers) {
      results.push(
        await provisionMembership(tx, { user: { id: userId }, customer, actorUserId: userId, now: input.now }),
      );
    }
    return {
      kind: hasLogin ? 'existing_login' : 'created',
      email,
      added: results.filter((r) => r.membershipId).map((r) => r.organizationName),
      already: results.filter((r) => !r.membershipId).map((r) => r.organizationName),
    };
  });
}

/**
 * Staff create the account from a contact: the same organization and membership as an instant
 * account, but the person is invited without a password and emailed a link to choose one.
 */
export async function createAccountFromContact(db: Database, input: { contactId: string; actor: Actor; now: Date }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ ...customerColumns, email: erpContacts.email, contactName: erpContacts.name })
      .from(erpContacts)
      .innerJoin(erpCustomers, eq(erpCustomers.code, erpContacts.customerCode))
      .where(eq(erpContacts.id, input.contactId));
    if (!row) throw notFound('The contact');
    const problem = staffCreationProblem(row);
    if (problem) throw new DomainError('precondition_failed', problem);
    await lockEmail(tx, row.email);
    let [user] = await tx.select().from(users).where(eq(users.email, row.email));
    if (user?.status === 'deactivated')
      throw new DomainError('precondition_failed', `${row.email} has a deactivated login. Reactivate it first.`);
    user ??= (
      await tx
        .insert(users)
        .values({
          email: row.email,
          name: row.contactName,
          status: 'invited',
          createdAt: input.now,
          updatedAt: input.now,
        })
        .returning()
    )[0];
    if (!user) throw new Error('user insert failed');
    const provisioned = await provisionMembership(tx, {
      user,
      customer: row,
      actorUserId: input.actor.userId,
      now: input.now,
    });
    if (!provisioned.membershipId)
      throw conflict(`${row.email} already has an account at ${provisioned.organizationName}.`);
    if (user.passwordHash) {
      return {
        message: `${row.email} already had a login, so ${provisioned.organizationName} was added to it. They sign in with their current password.`,
      };
    }
    const token = await issueEmailToken(tx, {
      purpose: 'set_password',
      email: user.email,
      userId: user.id,
      now: input.now,
    });
    await enqueueEmail(tx, {
      kind: 'account-created',
      to: user.email,
      props: {
        name: user.name,
        organizationName: provisioned.organizationName,
        setPasswordUrl: appUrl(`/set-password?token=${token}`),
        createdBy: input.actor.name,
      },
    });
    return {
      message: `Account created at ${provisioned.organizationName}. ${user.email} has been emailed a link to choose a password.`,
    };
  });
}
