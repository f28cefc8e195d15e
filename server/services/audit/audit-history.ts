import { count, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { describeAuditEntry } from '@/server/domain/audit/describe';

/** The organization's history of changes (members, roles, units, joining), newest first. */
export async function organizationHistory(db: Database, actor: Actor, input: { page: number; pageSize: number }) {
  const { organizationId } = actor;
  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      data: auditLog.data,
      createdAt: auditLog.createdAt,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(eq(auditLog.organizationId, organizationId))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(input.pageSize + 1)
    .offset((input.page - 1) * input.pageSize);
  const [total] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.organizationId, organizationId));
  return {
    rows: rows.slice(0, input.pageSize).map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      actorName: row.actorName ?? 'System',
      what: describeAuditEntry(row.action, row.data),
    })),
    hasNext: rows.length > input.pageSize,
    total: total?.n ?? 0,
  };
}
