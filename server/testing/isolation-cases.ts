import { DEFAULT_PASSWORD } from './factories';
import type { World } from './world';

/**
 * What each tRPC procedure may reach, for the isolation harness (server/trpc/isolation.test.ts).
 * Every procedure of the app router must be listed: a new procedure fails the harness until its
 * author says here who may call it and gives an input aimed at another organization's data.
 *
 * - public: callable without a session and touches no organization's data.
 * - user:   the signed-in user's own data only.
 * - org:    the caller's organization only; `input` references organization B.
 * - staff:  seller staff only; buyers are refused.
 */
export type Access = 'public' | 'user' | 'org' | 'staff';

export type IsolationCase = {
  access: Access;
  /** Input aimed at organization B (or anything the caller should not reach); none if omitted. */
  input?: (world: World) => unknown;
};

export const ISOLATION_CASES: Record<string, IsolationCase> = {
  'session.me': { access: 'user' },
  'session.switchAccount': { access: 'user', input: (w) => ({ membershipId: w.b.manager.membership.id }) },

  'account.changePassword': {
    access: 'user',
    input: () => ({ currentPassword: DEFAULT_PASSWORD, newPassword: 'Another-river-42-stone', confirmPassword: 'Another-river-42-stone' }),
  },
  'account.requestPasswordReset': { access: 'public', input: (w) => ({ email: w.b.manager.user.email }) },
  'account.resetPassword': {
    access: 'public',
    input: () => ({ token: 'not-a-real-token-0123456789', newPassword: 'Another-river-42-stone', confirmPassword: 'Another-river-42-stone' }),
  },

  'organization.current': { access: 'org' },
  'organization.unit': { access: 'org', input: (w) => ({ unitId: w.b.units[0]?.id }) },

  // Onboarding: registration, joining, re-verification, staff registrations

  // ERP import and instant accounts

  'staff.jobs': { access: 'staff' },
  'staff.runJob': { access: 'staff', input: () => ({ name: 'dispatch-email' }) },
  'staff.outbox': { access: 'staff' },
  'staff.retryEmail': { access: 'staff', input: () => ({ id: '00000000-0000-4000-8000-000000000000' }) },
};
