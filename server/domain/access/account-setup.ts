import type { Permission } from './permissions';

/**
 * Account representatives set up the organizations assigned to them; whoever holds
 * `staff.accounts.setup.any` (seller administrators) may set up any.
 */
export function maySetUpAccount(permissions: ReadonlySet<Permission>, isAssignedRepresentative: boolean): boolean {
  if (!permissions.has('staff.accounts.setup')) return false;
  return isAssignedRepresentative || permissions.has('staff.accounts.setup.any');
}
