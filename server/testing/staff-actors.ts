import type { Database } from '@/db/client';
import type { Actor } from '@/server/domain/access/actor';
import { actorFor } from './actors';
import { createMember, createOrganization, type PredefinedRoleKey } from './factories';

/**
 * The Actor of a new member of staff in a seller organization of their own, holding one
 * predefined role, for tests that call a staff service directly.
 */
export async function newStaffActor(
  db: Database,
  role: PredefinedRoleKey = 'seller_admin',
  user: { name?: string } = {},
): Promise<Actor> {
  const seller = await createOrganization(db, { kind: 'seller' });
  const { membership } = await createMember(db, seller, { roles: [role], user });
  return actorFor(db, membership.id);
}
