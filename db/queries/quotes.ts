import { and, eq } from 'drizzle-orm';
import type { Executor } from '../client';
import { quotes } from '../schema';

/**
 * One quote of a member of the organization by its number, locked for update with `lock`; a quote
 * of another member or another organization is not found.
 */
export async function memberQuoteByNumber(
  db: Executor,
  organizationId: string,
  membershipId: string,
  number: string,
  options: { lock?: boolean } = {},
) {
  const query = db
    .select()
    .from(quotes)
    .where(
      and(eq(quotes.number, number), eq(quotes.membershipId, membershipId), eq(quotes.organizationId, organizationId)),
    );
  const [quote] = options.lock ? await query.for('update') : await query;
  return quote;
}
