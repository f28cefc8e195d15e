import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { organizations, type Organization } from '@/db/schema';
import { notFound } from '@/server/domain/errors';

/**
 * Locks a buyer organization's own row (the tenant root) until the transaction ends. Every change
 * to the organization's status, tree, roles or members takes this lock first, so such changes run
 * one at a time and each decides on what the previous one left (no two crossing moves, no two
 * administrators deactivating each other). Units and sellers answer "not found".
 */
export async function lockTenant(tx: Executor, organizationId: string): Promise<Organization> {
  const [organization] = await tx
    .select()
    .from(organizations)
    .where(and(eq(organizations.id, organizationId), eq(organizations.kind, 'buyer'), isNull(organizations.parentId)))
    .for('update')
    .prepare('lock_tenant')
    .execute();
  if (!organization) throw notFound('That organization');
  return organization;
}
