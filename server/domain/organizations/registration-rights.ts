import { maySetUpAccount } from '../access/account-setup';
import type { Actor } from '../access/actor';

/** What the registration decisions need to know about the member of staff. */
export type RegistrationCaller = Pick<Actor, 'membershipId' | 'permissions'>;

/**
 * The staff actions on a registration: deciding (assigning the representative, approving,
 * rejecting), setting up the account and contracts, and suspending or reactivating.
 */
export type RegistrationAction = 'decide' | 'setUp' | 'suspend';
export type RegistrationMay = Record<RegistrationAction, boolean>;

/** Why an action is refused, in words fit to show the member of staff. */
export const REGISTRATION_REFUSALS: Record<RegistrationAction, string> = {
  decide: 'Only seller administrators can assign representatives and approve or reject registrations.',
  setUp:
    'Only the account representative assigned to this organization (or a seller administrator) can set up its account.',
  suspend: 'You do not have permission to suspend or reactivate organizations.',
};

/** Assigning the representative, approving and rejecting are the seller administrators'. */
export function mayDecideRegistration(actor: RegistrationCaller): boolean {
  return actor.permissions.has('staff.registrations.decide');
}

/** Suspending and reactivating an organization. */
export function maySuspendOrganization(actor: RegistrationCaller): boolean {
  return actor.permissions.has('staff.organizations.suspend');
}

/** Setting up the account and contracts: the assigned representative, or whoever may set up any. */
export function maySetUpRegistration(
  actor: RegistrationCaller,
  organization: { accountRepMembershipId: string | null },
): boolean {
  return maySetUpAccount(actor.permissions, organization.accountRepMembershipId === actor.membershipId);
}

/** Which actions the registration page offers this member of staff on this organization. */
export function registrationMay(
  actor: RegistrationCaller,
  organization: { accountRepMembershipId: string | null },
): RegistrationMay {
  return {
    decide: mayDecideRegistration(actor),
    setUp: maySetUpRegistration(actor, organization),
    suspend: maySuspendOrganization(actor),
  };
}
