import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { executeNamed, namedStatement } from '@/db/named-statement';
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

const LOCK_FOR_NAME = namedStatement(
  'lock_tenant_name',
  sql`select name from organizations
    where id = ${sql.placeholder('organizationId')} and kind = 'buyer' and parent_id is null for update`,
);

/**
 * The same lock as `lockTenant`, for the checkout submit, which needs only the organization's name:
 * a statement built once rather than a select built on every submit.
 */
export async function lockTenantForName(tx: Executor, organizationId: string): Promise<string> {
  const [organization] = await executeNamed<{ name: string }>(tx, LOCK_FOR_NAME, { organizationId });
  if (!organization) throw notFound('That organization');
  return organization.name;
}
