import { count, desc, eq, ilike, or } from 'drizzle-orm';
import type { Executor } from '../client';
import { devMailbox } from '../schema';

/** A page of the dev mailbox, newest first, optionally searched by recipient or subject. */
export async function listDevMail(db: Executor, input: { search?: string; page: number; pageSize: number }) {
  const pattern = input.search ? `%${input.search.replaceAll(/[%_\\]/g, '\\$&')}%` : undefined;
  const where = pattern ? or(ilike(devMailbox.toAddress, pattern), ilike(devMailbox.subject, pattern)) : undefined;
  const rows = await db
    .select({
      id: devMailbox.id,
      toAddress: devMailbox.toAddress,
      subject: devMailbox.subject,
      deliveredAt: devMailbox.deliveredAt,
    })
    .from(devMailbox)
    .where(where)
    .orderBy(desc(devMailbox.deliveredAt), desc(devMailbox.id))
    .limit(input.pageSize + 1)
    .offset((input.page - 1) * input.pageSize);
  const [total] = await db.select({ n: count() }).from(devMailbox).where(where);
  return { rows: rows.slice(0, input.pageSize), hasNext: rows.length > input.pageSize, total: total?.n ?? 0 };
}

export async function getDevMail(db: Executor, id: string) {
  const [row] = await db.select().from(devMailbox).where(eq(devMailbox.id, id));
  return row;
}
