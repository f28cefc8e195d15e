import type { Permission } from '@/server/domain/access/permissions';

/** The staff member a use case acts for, taken from the tRPC context. */
export type StaffActor = { userId: string; membershipId: string; name: string; permissions: ReadonlySet<Permission> };
