import { randomUUID } from 'node:crypto';
import type { Database } from '@/db/client';
import { orders, type NewOrder, type Order, type Organization } from '@/db/schema';
import type { OrderStatus } from '@/server/domain/orders/state-machine';
import type { Member } from './factories';

/**
 * An order row written as it stands, with exactly the status, total and times given: the insights
 * tests need figures known in advance, not the ones a checkout would compute.
 */
export async function insertOrder(
  db: Database,
  member: Member,
  unit: Organization,
  values: { status: OrderStatus; totalMinor: number; submittedAt: string } & Partial<
    Omit<NewOrder, 'status' | 'totalMinor' | 'submittedAt'>
  >,
): Promise<Order> {
  const { status, totalMinor, submittedAt, ...rest } = values;
  const [row] = await db
    .insert(orders)
    .values({
      organizationId: member.organization.rootId,
      unitId: unit.id,
      membershipId: member.membership.id,
      userId: member.user.id,
      status,
      idempotencyKey: randomUUID(),
      currency: 'USD',
      subtotalMinor: totalMinor,
      shippingMinor: 0,
      totalMinor,
      itemCount: 1,
      skuCount: 1,
      shipTo: {
        label: 'Dock',
        recipient: 'Receiving',
        addressLine1: '1 Dock Road',
        addressLine2: null,
        city: 'Portland',
        region: null,
        postalCode: '97201',
        country: 'US',
      },
      shippingMethodCode: 'TEST',
      shippingMethodName: 'Test',
      paymentMethod: 'on_account',
      submittedAt: new Date(submittedAt),
      updatedAt: new Date(submittedAt),
      ...rest,
    })
    .returning();
  if (!row) throw new Error('factory: order');
  return row;
}
