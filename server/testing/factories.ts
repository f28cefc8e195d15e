import { randomUUID } from 'node:crypto';
import type { Database } from '@/db/client';
import { predefinedRoleIds } from '@/db/predefined-roles';
import {
  membershipRoles,
  memberships,
  organizations,
  users,
  userSessions,
  type Membership,
  type NewMembership,
  type NewOrganization,
  type Organization,
  type User,
} from '@/db/schema';
import { hashPassword } from '@/server/auth/password';
import type { TRPCContext } from '@/server/trpc/context';
import { createCallerFactory } from '@/server/trpc/init';
import { appRouter } from '@/server/trpc/routers/_app';

/** The password every factory user has unless told otherwise. */
export const DEFAULT_PASSWORD = 'Tulip-harbour-7-lantern';

let sequence = 0;
/** A short suffix that keeps names and emails unique within and across test files. */
export function unique(): string {
  sequence += 1;
  return `${randomUUID().slice(0, 8)}${sequence}`;
}

let defaultHash: Promise<string> | undefined;
// argon2id is deliberately slow; hash the shared default password once per test file.
function passwordHashFor(password: string): Promise<string> {
  if (password !== DEFAULT_PASSWORD) return hashPassword(password);
  defaultHash ??= hashPassword(DEFAULT_PASSWORD);
  return defaultHash;
}

async function insertOne<T>(rows: Promise<T[]>, what: string): Promise<T> {
  const [row] = await rows;
  if (!row) throw new Error(`factory: could not insert ${what}`);
  return row;
}

/** A root organization (its own tenant) or, with `parent`, a unit inside the parent's tree. */
export async function createOrganization(
  db: Database,
  overrides: Partial<NewOrganization> & { parent?: Organization } = {},
): Promise<Organization> {
  const { parent, ...values } = overrides;
  const id = values.id ?? randomUUID();
  return insertOne(
    db
      .insert(organizations)
      .values({
        kind: parent?.kind ?? 'buyer',
        name: `${parent ? 'Unit' : 'Organization'} ${unique()}`,
        status: 'active',
        ...values,
        id,
        rootId: parent ? parent.rootId : id,
        parentId: parent?.id ?? null,
      })
      .returning(),
    'organization',
  );
}

export async function createUser(
  db: Database,
  overrides: Partial<typeof users.$inferInsert> & { password?: string } = {},
): Promise<User> {
  const { password = DEFAULT_PASSWORD, ...values } = overrides;
  const suffix = unique();
  return insertOne(
    db
      .insert(users)
      .values({
        email: `user-${suffix}@example.test`,
        name: `Person ${suffix}`,
        status: 'active',
        passwordHash: await passwordHashFor(password),
        ...values,
      })
      .returning(),
    'user',
  );
}

export type PredefinedRoleKey =
  | 'account_manager'
  | 'buyer'
  | 'authorizer'
  | 'viewer'
  | 'seller_admin'
  | 'account_rep'
  | 'payment_reviewer'
  | 'fulfillment_clerk';

export type MembershipOptions = Partial<Omit<NewMembership, 'userId' | 'organizationId'>> & {
  roles?: PredefinedRoleKey[];
};

/** Full buyer-side powers: every permission, every flag on. */
export const ACCOUNT_MANAGER: MembershipOptions = {
  roles: ['account_manager'],
  shopAccountRole: 'account_manager',
  mayOrder: true,
  maySeePrices: true,
  maySeeStock: true,
  mayAuthorizeOrders: true,
};

export async function createMembership(
  db: Database,
  input: MembershipOptions & { userId: string; organizationId: string },
): Promise<Membership> {
  const { roles = ['buyer'], ...values } = input;
  const membership = await insertOne(
    db
      .insert(memberships)
      .values({ unitId: input.organizationId, ...values })
      .returning(),
    'membership',
  );
  if (roles.length > 0) {
    const ids = await predefinedRoleIds(db);
    await db.insert(membershipRoles).values(
      roles.map((key) => {
        const roleId = ids.get(key);
        if (!roleId) throw new Error(`factory: no predefined role "${key}"`);
        return { membershipId: membership.id, roleId };
      }),
    );
  }
  return membership;
}

export type Member = { user: User; membership: Membership; organization: Organization };

/** A new user with one membership in `organization` (placed in `unit` when given). */
export async function createMember(
  db: Database,
  organization: Organization,
  options: MembershipOptions & { unit?: Organization; user?: Parameters<typeof createUser>[1] } = {},
): Promise<Member> {
  const { unit, user: userOverrides, ...membershipOptions } = options;
  const user = await createUser(db, userOverrides);
  const membership = await createMembership(db, {
    ...membershipOptions,
    userId: user.id,
    organizationId: organization.rootId,
    unitId: unit?.id ?? organization.rootId,
  });
  return { user, membership, organization };
}

/**
 * Opens a session for the membership's user with it as the active account, as a successful
 * sign-in would, and returns the tRPC context of a request carrying that session.
 */
export async function signIn(
  db: Database,
  membership: Pick<Membership, 'id' | 'userId'>,
  options: { createdAt?: Date; lastSeenAt?: Date; now?: () => Date; trusted?: boolean; userAgent?: string } = {},
): Promise<TRPCContext> {
  const createdAt = options.createdAt ?? new Date();
  const session = await insertOne(
    db
      .insert(userSessions)
      .values({
        userId: membership.userId,
        activeMembershipId: membership.id,
        createdAt,
        lastSeenAt: options.lastSeenAt ?? createdAt,
        trusted: options.trusted ?? false,
        userAgent: options.userAgent,
      })
      .returning({ id: userSessions.id }),
    'session',
  );
  return { db, sessionId: session.id, clientAddress: '127.0.0.1', now: options.now ?? (() => new Date()) };
}

/** A request without a session cookie. */
export function anonymous(db: Database): TRPCContext {
  return { db, sessionId: null, clientAddress: '127.0.0.1', now: () => new Date() };
}

export const createCaller = createCallerFactory(appRouter);
