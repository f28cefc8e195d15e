import type { Database } from '@/db/client';
import { packageLines, packages } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { DomainError } from '@/server/domain/errors';
import { planPackage } from '@/server/domain/fulfillment/packing';
import { ORDER_STATUS_LABELS } from '@/server/domain/orders/state-machine';
import type { CreatePackageInput } from '@/server/schemas/fulfillment';
import { lockOrder, recordOrderEvent } from '../orders/transition';
import { batchOfOrderAt, centerById, lineFiguresAt, orderIdByNumber } from './shared';

/**
 * Packs a package of an order at a center, under the order's lock so two clerks packing the same
 * order cannot together pack more than was allocated there. The order must be released and in a
 * pick batch at that center; each quantity is at most what is allocated there less what is packed.
 */
export async function createPackage(db: Database, input: CreatePackageInput, actor: Actor, now: Date) {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, await orderIdByNumber(tx, input.orderNumber));
    if (order.status !== 'released') {
      throw new DomainError(
        'conflict',
        `Order ${order.number} is ${ORDER_STATUS_LABELS[order.status].toLowerCase()}: only orders released to fulfillment can be packed.`,
      );
    }
    const center = await centerById(tx, input.centerId);
    const batch = await batchOfOrderAt(tx, order.id, center.id);
    if (!batch)
      throw new DomainError(
        'precondition_failed',
        `Order ${order.number} is not in a pick batch at ${center.code} yet. Put it in a pick batch first.`,
      );

    const figures = await lineFiguresAt(tx, center.id, [order.id]);
    const plan = planPackage(
      figures.map((line) => ({
        orderLineId: line.orderLineId,
        sku: line.sku,
        allocated: line.allocated,
        packed: line.packed,
      })),
      input.lines,
    );
    if (!plan.ok) throw new DomainError('invalid', plan.message, plan.fieldErrors);

    const [created] = await tx
      .insert(packages)
      .values({
        orderId: order.id,
        fulfillmentCenterId: center.id,
        pickBatchId: batch.id,
        status: 'packed',
        createdAt: now,
        createdByUserId: actor.userId,
      })
      .returning({ id: packages.id });
    if (!created) throw new Error('package insert returned nothing');
    await tx.insert(packageLines).values(plan.lines.map((line) => ({ packageId: created.id, ...line })));
    const skuOf = new Map(figures.map((line) => [line.orderLineId, line.sku]));
    await recordOrderEvent(tx, order, 'package_packed', {
      now,
      actorUserId: actor.userId,
      message: `Package of ${plan.itemCount} ${plan.itemCount === 1 ? 'item' : 'items'} packed at ${center.name} (${center.code}).`,
      data: {
        packageId: created.id,
        center: center.code,
        lines: plan.lines.map((line) => ({ sku: skuOf.get(line.orderLineId), quantity: line.quantity })),
      },
    });
    return { packageId: created.id, orderNumber: order.number, itemCount: plan.itemCount };
  });
}
