import { and, eq } from 'drizzle-orm';
import type { Executor } from '../client';
import { organizationAddresses } from '../schema';

/** One ship-to address of the organization; another organization's address is not found. */
export async function addressById(db: Executor, organizationId: string, addressId: string) {
  const [address] = await db
    .select()
    .from(organizationAddresses)
    .where(and(eq(organizationAddresses.id, addressId), eq(organizationAddresses.organizationId, organizationId)));
  return address;
}
