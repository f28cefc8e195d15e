import { eq } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { secondFactorPolicies } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { forbidden } from '@/server/domain/errors';
import { staffSecondFactorAlways } from '@/server/env';
import { recordAudit } from '@/server/services/audit/record-audit';

/** Whether the actor's organization requires its members to use a second factor, and whether that is fixed. */
export async function getSecondFactorPolicy(db: Executor, actor: Actor) {
  const [row] = await db
    .select()
    .from(secondFactorPolicies)
    .where(eq(secondFactorPolicies.organizationId, actor.organizationId));
  const fixed = actor.organization.kind === 'seller' && staffSecondFactorAlways();
  return { required: fixed || (row?.required ?? false), fixed, changedAt: row?.changedAt ?? null };
}

/**
 * Requires (or stops requiring) a second factor of every member of the actor's organization. Members
 * without one are led to set it up on their next request. Recorded in the organization's history.
 */
export async function setSecondFactorPolicy(db: Database, actor: Actor, input: { required: boolean; now: Date }) {
  if (actor.organization.kind === 'buyer' && actor.grants.get('org.users.manage') !== 'org') {
    throw forbidden('Only an administrator of the whole organization can change this.');
  }
  await db.transaction(async (tx) => {
    await tx
      .insert(secondFactorPolicies)
      .values({
        organizationId: actor.organizationId,
        required: input.required,
        changedAt: input.now,
        changedByUserId: actor.userId,
      })
      .onConflictDoUpdate({
        target: secondFactorPolicies.organizationId,
        set: { required: input.required, changedAt: input.now, changedByUserId: actor.userId },
      });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: input.required ? 'second_factor.required' : 'second_factor.optional',
      targetType: 'organization',
      targetId: actor.organizationId,
      now: input.now,
    });
  });
  return getSecondFactorPolicy(db, actor);
}
