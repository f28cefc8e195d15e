import type { MembershipStatus, OrganizationStatus } from '../organizations/status';

/** How an ERP-linked membership's contact stands in the last import; null when not ERP-linked. */
export type ErpLinkState = 'ok' | 'contact_removed' | 'customer_excluded' | null;

export type MembershipAccessInput = {
  activated: boolean;
  status: MembershipStatus;
  organizationName: string;
  organizationStatus: OrganizationStatus;
  erpLink: ErpLinkState;
};

export type MembershipAccess = { ok: true } | { ok: false; reason: string };

/** Whether a membership may be used right now, and if not, the sentence that tells the person why. */
export function membershipAccess(input: MembershipAccessInput): MembershipAccess {
  const name = input.organizationName;
  if (input.status === 'pending') {
    return { ok: false, reason: `Your request to join ${name} is waiting for its administrator's approval.` };
  }
  if (input.status === 'rejected') return { ok: false, reason: `Your request to join ${name} was declined.` };
  if (!input.activated)
    return { ok: false, reason: `Your access to ${name} has been deactivated. Ask its administrator.` };
  if (input.erpLink === 'contact_removed') {
    return {
      ok: false,
      reason: `You are no longer a contact of ${name} in our records, so you cannot sign in to its account. Contact us if this is wrong.`,
    };
  }
  if (input.erpLink === 'customer_excluded') {
    return { ok: false, reason: `The account of ${name} can no longer be used online. Contact us.` };
  }
  switch (input.organizationStatus) {
    case 'active':
      return { ok: true };
    case 'suspended':
      return { ok: false, reason: `${name} is suspended. Contact us to have it reactivated.` };
    case 'pending_approval':
      return { ok: false, reason: `${name} is waiting for approval. We will email you when it is approved.` };
    case 'rejected':
      return { ok: false, reason: `The registration of ${name} was not approved.` };
  }
}
