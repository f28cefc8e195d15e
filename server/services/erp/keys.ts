import { createHash, randomBytes } from 'node:crypto';
import { and, count, desc, eq, ilike, isNotNull, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { erpApiKeys, users } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import {
  apiKeyPrefix,
  formatApiKey,
  isWellFormedApiKey,
  LAST_USED_RESOLUTION_MS,
  shouldRecordUse,
} from '@/server/domain/erp/api-keys';
import { conflict, notFound } from '@/server/domain/errors';
import { formatTimestamp } from '@/server/domain/time';
import type { CreateErpKeyInput, ErpKeysListInput, RevokeErpKeyInput } from '@/server/schemas/erp-keys';
import { recordAudit } from '../audit/record-audit';

/** What is stored of a key: its SHA-256, hex. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

const keyView = {
  id: erpApiKeys.id,
  name: erpApiKeys.name,
  prefix: erpApiKeys.prefix,
  createdAt: erpApiKeys.createdAt,
  lastUsedAt: erpApiKeys.lastUsedAt,
  revokedAt: erpApiKeys.revokedAt,
};

/** Creates a key for the ERP. The full key is in this answer only: it is never stored or shown again. */
export async function createErpKey(db: Database, input: CreateErpKeyInput, actor: Actor, now: Date) {
  const secret = formatApiKey(randomBytes(32).toString('base64url'));
  return db.transaction(async (tx) => {
    const [key] = await tx
      .insert(erpApiKeys)
      .values({
        name: input.name,
        keyHash: hashApiKey(secret),
        prefix: apiKeyPrefix(secret),
        createdAt: now,
        createdByUserId: actor.userId,
      })
      .returning(keyView);
    if (!key) throw new Error('createErpKey: the key was not created');
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'erp.api_key_created',
      targetType: 'erp_api_key',
      targetId: key.id,
      data: { name: key.name, prefix: key.prefix },
      now,
    });
    return { key, secret };
  });
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (match) => `\\${match}`);

/** Keys newest first, revoked ones included, searchable by name or prefix, a page at a time. */
export async function listErpKeys(db: Executor, input: ErpKeysListInput) {
  const pattern = input.search ? `%${escapeLike(input.search)}%` : null;
  const filters: (SQL | undefined)[] = [
    pattern ? or(ilike(erpApiKeys.name, pattern), ilike(erpApiKeys.prefix, pattern)) : undefined,
    input.status === 'active'
      ? isNull(erpApiKeys.revokedAt)
      : input.status === 'revoked'
        ? isNotNull(erpApiKeys.revokedAt)
        : undefined,
  ];
  const where = and(...filters);
  const rows = await db
    .select({ ...keyView, createdBy: users.name })
    .from(erpApiKeys)
    .leftJoin(users, eq(users.id, erpApiKeys.createdByUserId))
    .where(where)
    .orderBy(desc(erpApiKeys.createdAt), desc(erpApiKeys.id))
    .limit(input.pageSize + 1)
    .offset((input.page - 1) * input.pageSize);
  const [total] = await db.select({ n: count() }).from(erpApiKeys).where(where);
  return {
    page: input.page,
    total: total?.n ?? 0,
    hasNext: rows.length > input.pageSize,
    rows: rows.slice(0, input.pageSize),
  };
}

/** Revokes a key: the ERP using it is refused from now on; the key stays listed as revoked. */
export async function revokeErpKey(db: Database, input: RevokeErpKeyInput, actor: Actor, now: Date) {
  return db.transaction(async (tx) => {
    const [key] = await tx.select(keyView).from(erpApiKeys).where(eq(erpApiKeys.id, input.keyId)).for('update');
    if (!key) throw notFound('That key');
    if (key.revokedAt)
      throw conflict(`The key “${key.name}” was already revoked on ${formatTimestamp(key.revokedAt, actor.timeZone)}.`);
    const [revoked] = await tx
      .update(erpApiKeys)
      .set({ revokedAt: now })
      .where(eq(erpApiKeys.id, key.id))
      .returning(keyView);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'erp.api_key_revoked',
      targetType: 'erp_api_key',
      targetId: key.id,
      data: { name: key.name, prefix: key.prefix },
      now,
    });
    return revoked ?? { ...key, revokedAt: now };
  });
}

export type AuthenticatedErpKey = { id: string; name: string };

/**
 * The active key matching a presented one, or null. Looked up by its hash (a unique index), so the
 * time taken says nothing about how close a guess was; the last use is written at most once a minute.
 */
export async function authenticateErpKey(
  db: Database,
  presented: string,
  now: Date,
): Promise<AuthenticatedErpKey | null> {
  if (!isWellFormedApiKey(presented)) return null;
  const [key] = await db
    .select({
      id: erpApiKeys.id,
      name: erpApiKeys.name,
      lastUsedAt: erpApiKeys.lastUsedAt,
      revokedAt: erpApiKeys.revokedAt,
    })
    .from(erpApiKeys)
    .where(eq(erpApiKeys.keyHash, hashApiKey(presented)));
  if (!key || key.revokedAt) return null;
  if (shouldRecordUse(key.lastUsedAt, now)) {
    const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    await db
      .update(erpApiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(erpApiKeys.id, key.id),
          isNull(erpApiKeys.revokedAt),
          or(isNull(erpApiKeys.lastUsedAt), lte(erpApiKeys.lastUsedAt, staleBefore)),
        ),
      );
  }
  return { id: key.id, name: key.name };
}
