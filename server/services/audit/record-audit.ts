import type { Executor } from '@/db/client';
import { auditLog } from '@/db/schema';

export type AuditEntry = {
  organizationId: string | null;
  actorUserId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  data?: Record<string, unknown>;
  now: Date;
};

/** Appends to the history administrators and staff read; always inside the use case's transaction. */
export async function recordAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    organizationId: entry.organizationId,
    actorUserId: entry.actorUserId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    data: entry.data ?? {},
    createdAt: entry.now,
  });
}
