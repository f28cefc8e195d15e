import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Database, Executor } from '@/db/client';
import { predefinedRoleIds } from '@/db/predefined-roles';
import { peopleHoldingPermission } from '@/db/queries/people';
import { membershipRoles, memberships, organizationProfiles, organizations, users } from '@/db/schema';
import { passwordProblem } from '@/server/domain/auth/password-policy';
import { invalidField } from '@/server/domain/errors';
import { consumeEmailToken, issueEmailToken } from '@/server/auth/email-tokens';
import { hashPassword } from '@/server/auth/password';
import { enqueueEmail } from '@/server/email/outbox';
import { appUrl } from '@/server/env';
import type { RegisterOrganizationInput } from '@/server/schemas/onboarding';
import { recordAudit } from '../audit/record-audit';

export const REGISTRATION_RECEIVED =
  'Thank you. We have emailed you a link to confirm your email address. Our team will then review your registration and set up your account, and we will email you as soon as it is approved — usually within two business days.';

/** Postgres' unique_violation: the email was taken by a registration racing this one. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: string }).code === '23505';
}

/**
 * A company registers: the organization (pending approval) with its profile, its administrator
 * (who cannot sign in until approval), a verification email, and a note to the seller
 * administrators. An address that already has a login gets an email saying so instead, and the
 * answer is the same, so the form never tells a stranger who has an account.
 */
export async function registerOrganization(
  db: Database,
  input: RegisterOrganizationInput,
  now: Date,
): Promise<{ message: string }> {
  const problem = passwordProblem(input.password, input.adminEmail);
  if (problem) throw invalidField('password', problem);
  // Hashed in every case, so the answer takes as long for a known address as for a new one.
  const passwordHash = await hashPassword(input.password);
  try {
    await db.transaction(async (tx) => {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.adminEmail));
      if (existing) return tellAccountExists(tx, input.adminEmail, 'register an organization');
      await createRegistration(tx, input, passwordHash, now);
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await db.transaction((tx) => tellAccountExists(tx, input.adminEmail, 'register an organization'));
  }
  return { message: REGISTRATION_RECEIVED };
}

export async function tellAccountExists(tx: Executor, email: string, attempted: string) {
  await enqueueEmail(tx, {
    kind: 'account-exists',
    to: email,
    props: { signInUrl: appUrl('/sign-in'), resetUrl: appUrl('/forgot-password'), attempted },
  });
}

async function createRegistration(tx: Executor, input: RegisterOrganizationInput, passwordHash: string, now: Date) {
  const organizationId = randomUUID();
  await tx.insert(organizations).values({
    id: organizationId,
    rootId: organizationId,
    kind: 'buyer',
    name: input.organizationName,
    status: 'pending_approval',
    createdAt: now,
    updatedAt: now,
  });
  await tx.insert(organizationProfiles).values({
    organizationId,
    contactName: input.adminName,
    contactEmail: input.adminEmail,
    phone: input.phone,
    taxNumber: input.taxNumber,
    addressLine1: input.addressLine1,
    addressLine2: input.addressLine2 || null,
    city: input.city,
    region: input.region || null,
    postalCode: input.postalCode,
    country: input.country,
  });
  const [user] = await tx
    .insert(users)
    .values({
      email: input.adminEmail,
      name: input.adminName,
      passwordHash,
      status: 'invited',
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: users.id });
  if (!user) throw new Error('could not create the administrator');
  const [membership] = await tx
    .insert(memberships)
    .values({
      userId: user.id,
      organizationId,
      unitId: organizationId,
      shopAccountRole: 'account_manager',
      mayOrder: true,
      mayAuthorizeOrders: true,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: memberships.id });
  if (!membership) throw new Error('could not create the membership');
  const roleId = (await predefinedRoleIds(tx)).get('account_manager');
  if (roleId) await tx.insert(membershipRoles).values({ membershipId: membership.id, roleId });
  await tx.update(users).set({ lastMembershipId: membership.id }).where(eq(users.id, user.id));

  await sendVerificationEmail(tx, {
    user: { id: user.id, email: input.adminEmail, name: input.adminName },
    organizationName: input.organizationName,
    nextStep: 'After that, our team reviews your registration and emails you when your account is ready.',
    now,
  });
  for (const admin of await peopleHoldingPermission(tx, { sellerStaff: true }, 'staff.registrations.decide')) {
    await enqueueEmail(tx, {
      kind: 'registration-received',
      to: admin.email,
      props: {
        organizationName: input.organizationName,
        contactName: input.adminName,
        contactEmail: input.adminEmail,
        reviewUrl: appUrl(`/staff/registrations/${organizationId}`),
      },
    });
  }
  await recordAudit(tx, {
    organizationId,
    actorUserId: user.id,
    action: 'organization.registered',
    targetType: 'organization',
    targetId: organizationId,
    now,
  });
}

/** Asks a new person to confirm their address, with a single-use link. */
export async function sendVerificationEmail(
  tx: Executor,
  input: { user: { id: string; email: string; name: string }; organizationName: string; nextStep: string; now: Date },
) {
  const token = await issueEmailToken(tx, {
    purpose: 'verify_email',
    email: input.user.email,
    userId: input.user.id,
    now: input.now,
  });
  await enqueueEmail(tx, {
    kind: 'verify-email',
    to: input.user.email,
    props: {
      name: input.user.name,
      organizationName: input.organizationName,
      verifyUrl: appUrl(`/verify-email?token=${token}`),
      nextStep: input.nextStep,
    },
  });
}

/** Following the link from a verification email confirms that the address is theirs. */
export async function verifyEmail(db: Database, token: string, now: Date): Promise<{ message: string }> {
  return db.transaction(async (tx) => {
    const row = await consumeEmailToken(tx, token, 'verify_email', now);
    if (row.userId) {
      await tx.update(users).set({ emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, row.userId));
      const [membership] = await tx
        .select({ organizationId: memberships.organizationId })
        .from(memberships)
        .where(eq(memberships.userId, row.userId));
      await recordAudit(tx, {
        organizationId: membership?.organizationId ?? null,
        actorUserId: row.userId,
        action: 'email.verified',
        targetType: 'user',
        targetId: row.userId,
        now,
      });
    }
    return {
      message: 'Thank you: your email address is confirmed. We will email you as soon as your access is approved.',
    };
  });
}
