import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';

/** What an operator watches that only the database knows: outbox backlogs and the approval queue. */
export type OperationalFigures = {
  emailBacklog: number;
  emailOldestAgeSeconds: number;
  pushBacklog: number;
  pushOldestAgeSeconds: number;
  pendingApprovalSteps: number;
};

/** The figures that live in the database, in one statement (each count reads a partial index). */
export async function readOperationalFigures(db: Executor): Promise<OperationalFigures> {
  const [row] = await db.execute<Record<keyof OperationalFigures, number>>(sql`
    select
      (select count(*)::int from email_outbox where status in ('pending', 'sending')) as "emailBacklog",
      (select coalesce(extract(epoch from now() - min(created_at)), 0)::float8
         from email_outbox where status in ('pending', 'sending')) as "emailOldestAgeSeconds",
      (select count(*)::int from push_outbox where status in ('pending', 'sending')) as "pushBacklog",
      (select coalesce(extract(epoch from now() - min(created_at)), 0)::float8
         from push_outbox where status in ('pending', 'sending')) as "pushOldestAgeSeconds",
      (select count(*)::int from approval_steps where status = 'pending') as "pendingApprovalSteps"
  `);
  if (!row) throw new Error('the figures query answered nothing');
  return row;
}
