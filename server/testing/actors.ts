import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { memberships, users } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { loadMembership, readableZone } from '@/server/services/identity/viewer';

/**
 * The Actor a membership acts as, loaded the way the base procedure builds it (roles, flags,
 * effective permissions), for tests that call a service directly.
 */
export async function actorFor(db: Executor, membershipId: string): Promise<Actor> {
  const [row] = await db
    .select({ userId: users.id, email: users.email, name: users.name, timeZone: users.timeZone })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.id, membershipId));
  if (!row) throw new Error(`actorFor: no membership ${membershipId}`);
  const loaded = await loadMembership(db, membershipId, row.userId);
  if ('problem' in loaded) throw new Error(`actorFor: ${loaded.problem}`);
  const { id, ...membership } = loaded.membership;
  const { userId, email, name } = row;
  return { ...membership, membershipId: id, userId, email, name, timeZone: readableZone(row.timeZone) };
}
