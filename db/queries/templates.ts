import { and, eq } from 'drizzle-orm';
import type { Executor } from '../client';
import { orderTemplates } from '../schema';

/** A member's order template by id; another member's or another organization's template is not found. */
export async function memberTemplateById(
  db: Executor,
  organizationId: string,
  membershipId: string,
  templateId: string,
) {
  const [template] = await db
    .select()
    .from(orderTemplates)
    .where(
      and(
        eq(orderTemplates.id, templateId),
        eq(orderTemplates.membershipId, membershipId),
        eq(orderTemplates.organizationId, organizationId),
      ),
    );
  return template;
}
