import type { OrganizationStatus } from '../organizations/status';

export type MembershipAccessInput = {
  activated: boolean;
  organizationName: string;
  organizationStatus: OrganizationStatus;
};

export type MembershipAccess = { ok: true } | { ok: false; reason: string };

/** Whether a membership may be used right now, and if not, the sentence that tells the person why. */
export function membershipAccess(input: MembershipAccessInput): MembershipAccess {
  if (!input.activated) {
    return { ok: false, reason: `Your access to ${input.organizationName} has been deactivated. Ask its administrator.` };
  }
  switch (input.organizationStatus) {
    case 'active':
      return { ok: true };
    case 'suspended':
      return { ok: false, reason: `${input.organizationName} is suspended. Contact us to have it reactivated.` };
    case 'pending_approval':
      return { ok: false, reason: `${input.organizationName} is waiting for approval. We will email you when it is approved.` };
    case 'rejected':
      return { ok: false, reason: `The registration of ${input.organizationName} was not approved.` };
  }
}
