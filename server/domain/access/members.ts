import type { MembershipStatus, ShopAccountRole, UserStatus } from '../organizations/status';

/** What an administrator sees for a member: one word, from the membership and the login. */
export const MEMBER_STATUSES = ['active', 'invited', 'pending', 'deactivated', 'declined'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** A member's status in words, for badges and the status filter. */
export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  active: 'Active',
  invited: 'Invited, no password yet',
  pending: 'Asked to join',
  deactivated: 'Deactivated',
  declined: 'Declined',
};

export function memberStatus(input: {
  membershipStatus: MembershipStatus;
  activated: boolean;
  userStatus: UserStatus;
}): MemberStatus {
  if (input.membershipStatus === 'pending') return 'pending';
  if (input.membershipStatus === 'rejected') return 'declined';
  if (!input.activated || input.userStatus === 'deactivated') return 'deactivated';
  if (input.userStatus === 'invited') return 'invited';
  return 'active';
}

/** The predefined role that makes someone an account manager (Sana's shop-account role follows it). */
export const ACCOUNT_MANAGER_ROLE = 'account_manager';

export function shopAccountRoleFor(roleKeys: readonly (string | null)[]): ShopAccountRole {
  return roleKeys.includes(ACCOUNT_MANAGER_ROLE) ? 'account_manager' : 'sub_account';
}

/**
 * An organization always keeps at least one active account manager: a change that takes the role
 * or the activation from the last one is refused.
 */
export function lastAccountManagerProblem(input: {
  organizationName: string;
  memberName: string;
  isAccountManagerNow: boolean;
  isAccountManagerAfter: boolean;
  otherActiveAccountManagers: number;
}): string | null {
  if (!input.isAccountManagerNow || input.isAccountManagerAfter || input.otherActiveAccountManagers > 0) return null;
  return `${input.memberName} is the last active account manager of ${input.organizationName}. Make someone else account manager first.`;
}
