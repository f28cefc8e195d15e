import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { memberships, organizations, users, userSessions } from '@/db/schema';
import { effectiveGrants, type Grants } from '@/server/domain/access/effective-permissions';
import {
  membershipAccess,
  type ErpLinkState,
  type MembershipAccessInput,
} from '@/server/domain/access/membership-access';
import type { Actor, MembershipFlags } from '@/server/domain/access/actor';
import type { Permission } from '@/server/domain/access/permissions';
import { sessionState, shouldTouchSession, type SessionPolicy } from '@/server/domain/auth/session-policy';
import { secondFactorGate, type FactorStanding, type SecondFactorGate } from '@/server/domain/auth/second-factor-gate';
import type { OrganizationKind, ShopAccountRole } from '@/server/domain/organizations/status';
import { isKnownTimeZone } from '@/server/domain/time';
import { factorStandingSql } from './second-factor';

export type ActiveMembership = {
  id: string;
  organizationId: string;
  unitId: string;
  organization: { id: string; name: string; kind: OrganizationKind };
  shopAccountRole: ShopAccountRole;
  flags: MembershipFlags;
  roleNames: string[];
  permissions: ReadonlySet<Permission>;
  /** The same permissions with how far each reaches (own, unit, org). */
  grants: Grants;
};

/** Who is calling, as the database says right now. */
export type Viewer = {
  sessionId: string;
  /** timeZone: where times are shown ('UTC' until known); timeZoneChosen: picked in My account, not the browser's. */
  user: { id: string; email: string; name: string; timeZone: string; timeZoneChosen: boolean };
  membership: ActiveMembership | null;
  /** Why the active membership cannot be used (deactivated, organization suspended …). */
  membershipProblem: string | null;
  /** Whether the session may be used yet: a code still to give, or a second factor to set up first. */
  secondFactor: SecondFactorGate;
};

/** A stored zone as times are shown in it: UTC until the person's browser or choice has told us one. */
export function readableZone(stored: string | null): string {
  return stored && isKnownTimeZone(stored) ? stored : 'UTC';
}

/** The viewer acting in their active membership, as use cases take it. */
export function actorOf(viewer: Viewer, membership: ActiveMembership): Actor {
  const { id: membershipId, ...rest } = membership;
  const { id: userId, email, name, timeZone } = viewer.user;
  return { ...rest, membershipId, userId, email, name, timeZone };
}

/**
 * The session check's statement, named so PostgreSQL keeps its plan per connection, and built once
 * per pool rather than on every request (building a select this size cost about 3 % of a submit's
 * CPU). A transaction's statement is built for it alone.
 */
function buildViewerQuery(db: Executor) {
  return db
    .select({
      session: userSessions,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        status: users.status,
        timeZone: users.timeZone,
        timeZoneChosenAt: users.timeZoneChosenAt,
      },
      ...membershipColumns,
      // Only a session that proved no more than a password needs to know (a subquery or two).
      factorStanding: sql<FactorStanding>`case when ${userSessions.strongAt} is not null or ${userSessions.secondFactorPendingAt} is not null
        then 'optional' else ${factorStandingSql(users.id)} end`,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .leftJoin(
      memberships,
      and(eq(memberships.id, userSessions.activeMembershipId), eq(memberships.userId, userSessions.userId)),
    )
    .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(userSessions.id, sql.placeholder('sessionId')))
    .prepare('resolve_viewer');
}

const viewerQueries = new WeakMap<Executor, ReturnType<typeof buildViewerQuery>>();

function viewerQuery(db: Executor) {
  let query = viewerQueries.get(db);
  if (!query) {
    query = buildViewerQuery(db);
    viewerQueries.set(db, query);
  }
  return query;
}

/**
 * Resolves a session id from the cookie into a viewer, checking the session row, the user and
 * the active membership on every request — in one query, since every request pays for it.
 * Returns null when the session no longer counts; an expired session is also marked revoked so
 * it cannot come back.
 */
export async function resolveViewer(
  db: Executor,
  sessionId: string,
  now: Date,
  policy: SessionPolicy,
): Promise<Viewer | null> {
  const [row] = await viewerQuery(db).execute({ sessionId });
  if (!row) return null;
  const state = sessionState(row.session, now, policy);
  if (state !== 'active' || row.user.status !== 'active') {
    if (!row.session.revokedAt) {
      const reason = state === 'active' ? `user_${row.user.status}` : state;
      await db
        .update(userSessions)
        .set({ revokedAt: now, revokedReason: reason })
        .where(eq(userSessions.id, sessionId));
    }
    return null;
  }
  if (shouldTouchSession(row.session.lastSeenAt, now)) {
    const at = now.toISOString();
    await db.execute(sql`
      with touched as (update user_sessions set last_seen_at = ${at} where id = ${sessionId} returning user_id)
      update users set last_active_at = ${at} where id in (select user_id from touched)`);
  }
  const viewer: Viewer = {
    sessionId,
    user: {
      id: row.user.id,
      email: row.user.email,
      name: row.user.name,
      timeZone: readableZone(row.user.timeZone),
      timeZoneChosen: row.user.timeZoneChosenAt !== null,
    },
    membership: null,
    membershipProblem: null,
    secondFactor: secondFactorGate({
      pendingSince: row.session.secondFactorPendingAt,
      strongSince: row.session.strongAt,
      standing: row.factorStanding,
    }),
  };
  if (!row.session.activeMembershipId) return viewer;
  const { membership, organization, access, roles: roleRows } = row;
  // The access columns are only null when the left-joined membership is missing.
  const loaded =
    membership && organization
      ? activeMembership({ membership, organization, access: access as MembershipAccessInput, roles: roleRows })
      : NO_LONGER_AVAILABLE;
  if ('problem' in loaded) return { ...viewer, membershipProblem: loaded.problem };
  return { ...viewer, membership: loaded.membership };
}

/**
 * How an ERP-linked membership's contact stands in the last ERP import (Experlogix: "verified
 * against the ERP contact each time they log in"). Needs `users` and `organizations` joined.
 */
const erpLinkState = sql<ErpLinkState>`case
  when not ${memberships.erpLinked} then null
  when exists (select 1 from erp_excluded_customers x where x.code = ${organizations.erpCustomerCode})
    or exists (select 1 from erp_customers c where c.code = ${organizations.erpCustomerCode} and c.is_cash_account) then 'customer_excluded'
  when exists (select 1 from erp_contacts ec where ec.customer_code = ${organizations.erpCustomerCode} and ec.email = ${users.email}) then 'ok'
  else 'contact_removed' end`;

const accessColumns = {
  activated: memberships.activated,
  status: memberships.status,
  organizationName: organizations.name,
  organizationStatus: organizations.status,
  erpLink: erpLinkState,
};

type RoleRow = { name: string; permissions: string[] };

/** A membership's roles with their permissions, read beside the membership in the same query. */
const roleRowsOfMembership = sql<RoleRow[]>`coalesce((
  select json_agg(json_build_object('name', r.name, 'permissions', r.permissions))
  from membership_roles mr join roles r on r.id = mr.role_id
  where mr.membership_id = ${memberships.id}), '[]'::json)`;

/** What a membership is made of, for a select that joins `memberships`, `organizations` and `users`. */
const membershipColumns = {
  membership: memberships,
  organization: organizations,
  access: accessColumns,
  roles: roleRowsOfMembership,
};

type MembershipRow = {
  membership: typeof memberships.$inferSelect;
  organization: typeof organizations.$inferSelect;
  access: MembershipAccessInput;
  roles: RoleRow[];
};

const NO_LONGER_AVAILABLE = { problem: 'That account is no longer available to you.' } as const;

/** A membership row as the app works with it: flags and effective permissions, or why it is unusable. */
function activeMembership(row: MembershipRow): { membership: ActiveMembership } | { problem: string } {
  const access = membershipAccess(row.access);
  if (!access.ok) return { problem: access.reason };
  const m = row.membership;
  const flagsOf = {
    mayOrder: m.mayOrder,
    maySeePrices: m.maySeePrices,
    maySeeStock: m.maySeeStock,
    mayAuthorizeOrders: m.mayAuthorizeOrders,
  };
  const grants = effectiveGrants(
    row.roles.flatMap((r) => r.permissions),
    flagsOf,
  );
  const flags = { ...flagsOf, hasLimitedBudget: m.hasLimitedBudget };
  return {
    membership: {
      id: m.id,
      organizationId: m.organizationId,
      unitId: m.unitId,
      organization: { id: row.organization.id, name: row.organization.name, kind: row.organization.kind },
      shopAccountRole: m.shopAccountRole,
      flags,
      roleNames: row.roles.map((r) => r.name),
      permissions: new Set(grants.keys()),
      grants,
    },
  };
}

/** A membership of this user with its organization and effective permissions, or why it is unusable. */
export async function loadMembership(
  db: Executor,
  membershipId: string,
  userId: string,
): Promise<{ membership: ActiveMembership } | { problem: string }> {
  const [row] = await db
    .select(membershipColumns)
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.userId, userId)));
  return row ? activeMembership(row) : NO_LONGER_AVAILABLE;
}

/** Every membership of a user with its organization, for the account switcher. */
export async function listUserMemberships(db: Executor, userId: string) {
  const rows = await db
    .select({ id: memberships.id, organizationKind: organizations.kind, access: accessColumns })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.userId, userId))
    .orderBy(organizations.name);
  return rows.map((row) => {
    const access = membershipAccess(row.access);
    const organizationName = row.access.organizationName;
    return {
      id: row.id,
      organizationName,
      organizationKind: row.organizationKind,
      usable: access.ok,
      problem: access.ok ? null : access.reason,
    };
  });
}

export async function revokeSessions(db: Executor, sessionIds: string[], reason: string, now: Date): Promise<void> {
  if (sessionIds.length === 0) return;
  await db
    .update(userSessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(inArray(userSessions.id, sessionIds));
}
