import type { OrganizationKind, ShopAccountRole } from '@/server/domain/organizations/status';
import type { Grants } from './effective-permissions';
import type { Permission } from './permissions';

/** The "may" flags of a membership (Sana's sub-account flags). */
export type MembershipFlags = {
  mayOrder: boolean;
  maySeePrices: boolean;
  maySeeStock: boolean;
  mayAuthorizeOrders: boolean;
  hasLimitedBudget: boolean;
};

/**
 * Who is calling, as every use case takes it: the signed-in user acting in one usable membership
 * of one organization, with that membership's roles and effective permissions (each gated by its
 * flag). Built once per request by the base procedure; services take it as it is.
 */
export type Actor = {
  userId: string;
  email: string;
  name: string;
  /** The IANA zone this person reads times in ('UTC' until one is known), for sentences built for them. */
  timeZone: string;
  membershipId: string;
  organizationId: string;
  organization: { id: string; name: string; kind: OrganizationKind };
  unitId: string;
  shopAccountRole: ShopAccountRole;
  flags: MembershipFlags;
  roleNames: readonly string[];
  permissions: ReadonlySet<Permission>;
  /** The same permissions with how far each reaches (own, unit, org). */
  grants: Grants;
};
