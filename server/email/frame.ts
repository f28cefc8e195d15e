import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { organizationProfiles, organizations } from '@/db/schema';
import { formatAddressInline } from '@/server/domain/addresses/format-address';
import { appUrl } from '@/server/env';
import { STORE_NAME, type EmailFrame } from './templates/frame-context';

/** Who sends the emails when the seller is unknown (a fresh database, a test). */
export function defaultEmailSender(): Omit<EmailFrame, 'subject'> {
  return {
    storeName: STORE_NAME,
    logoUrl: appUrl('/brand/email-logo.png'),
    seller: { name: STORE_NAME, address: null },
  };
}

/**
 * The seller organization as the footer names it, read when emails are built (at sending), so a
 * changed address shows in the next email; without a seller or its address the footer says less.
 */
export async function loadEmailSender(db: Executor): Promise<Omit<EmailFrame, 'subject'>> {
  const [seller] = await db
    .select({ name: organizations.name, profile: organizationProfiles })
    .from(organizations)
    .leftJoin(organizationProfiles, eq(organizationProfiles.organizationId, organizations.id))
    .where(and(eq(organizations.kind, 'seller'), isNull(organizations.parentId)))
    .orderBy(asc(organizations.createdAt), asc(organizations.id))
    .limit(1);
  const sender = defaultEmailSender();
  if (!seller) return sender;
  return {
    ...sender,
    seller: { name: seller.name, address: seller.profile ? formatAddressInline(seller.profile) : null },
  };
}
