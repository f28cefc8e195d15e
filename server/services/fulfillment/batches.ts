import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import {
  fulfillmentCenters,
  orders,
  organizations,
  packageLines,
  packages,
  orderLines,
  pickBatches,
  pickBatchOrders,
  users,
} from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { batchRefusals, MAX_BATCH_ORDERS, type BatchCandidate } from '@/server/domain/fulfillment/batches';
import { centerProgress, PROGRESS_LABELS } from '@/server/domain/fulfillment/shipment';
import { remainingToPack } from '@/server/domain/fulfillment/packing';
import { DomainError } from '@/server/domain/errors';
import type { CreatePickBatchInput, PickBatchListInput } from '@/server/schemas/fulfillment';
import { recordOrderEvent } from '../orders/transition';
import { batchIsOpen, centerById, lineFiguresAt, waitingAt, type Center } from './shared';

/** Postgres' unique_violation, whether drizzle hands the driver's error over as is or wrapped. */
function isUniqueViolation(error: unknown): boolean {
  const code = (value: unknown) =>
    typeof value === 'object' && value !== null && 'code' in value ? (value as { code: unknown }).code : undefined;
  return (
    code(error) === '23505' ||
    (typeof error === 'object' &&
      error !== null &&
      'cause' in error &&
      code((error as { cause: unknown }).cause) === '23505')
  );
}

const RACED =
  'Another clerk put one of these orders in a pick batch at the same moment. Reload the queue and try again.';

/**
 * The orders' state at the center, read by a new statement after their locks were taken: what a
 * batch created meanwhile by another clerk wrote is visible here.
 */
async function candidatesAt(
  tx: Executor,
  orderIds: string[],
  centerId: string,
): Promise<(BatchCandidate & { id: string })[]> {
  if (orderIds.length === 0) return [];
  return tx
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      linesAtCenter: sql<number>`(select count(*)::int from order_allocations a where a.order_id = orders.id and a.fulfillment_center_id = ${centerId})`,
      batchNumber: sql<
        number | null
      >`(select b.number from pick_batch_orders pbo join pick_batches b on b.id = pbo.pick_batch_id where pbo.order_id = orders.id and pbo.fulfillment_center_id = ${centerId})`,
    })
    .from(orders)
    .where(inArray(orders.id, orderIds))
    .orderBy(asc(orders.submittedAt), asc(orders.id));
}

/** Locks the named orders (in id order, so two clerks never deadlock) and checks each may be batched. */
async function namedOrders(tx: Executor, numbers: string[], center: Center) {
  const locked = await tx
    .select({ id: orders.id })
    .from(orders)
    .where(inArray(orders.number, numbers))
    .orderBy(asc(orders.id))
    .for('update');
  const candidates = await candidatesAt(
    tx,
    locked.map((row) => row.id),
    center.id,
  );
  const refusals = batchRefusals(numbers, candidates, center.code);
  if (refusals.length > 0) {
    const raced = candidates.some((candidate) => candidate.batchNumber !== null);
    throw new DomainError(raced ? 'conflict' : 'invalid', refusals.join(' '), { orderNumbers: refusals });
  }
  return candidates;
}

/**
 * "Batch all waiting": the oldest waiting orders up to the limit. Orders another clerk is batching
 * right now are skipped (SKIP LOCKED), as are any that clerk's batch took by the time we hold them.
 */
async function waitingOrders(tx: Executor, center: Center) {
  const locked = await tx
    .select({ id: orders.id })
    .from(orders)
    .where(waitingAt(center.id))
    .orderBy(asc(orders.submittedAt), asc(orders.id))
    .limit(MAX_BATCH_ORDERS)
    .for('update', { skipLocked: true });
  const candidates = await candidatesAt(
    tx,
    locked.map((row) => row.id),
    center.id,
  );
  const free = candidates.filter(
    (candidate) => candidate.status === 'released' && candidate.linesAtCenter > 0 && candidate.batchNumber === null,
  );
  if (free.length === 0)
    throw new DomainError('precondition_failed', `No released orders are waiting at ${center.code}.`);
  return free;
}

/**
 * Creates a pick batch at one center, in one transaction with the orders locked. Named orders that
 * cannot be batched refuse the whole batch, each named with its reason; without names it takes
 * the oldest waiting orders (up to 50) and skips those being batched by someone else. An order's
 * part at a center is in at most one batch: the lock, then the unique index, make sure of it.
 */
export async function createPickBatch(db: Database, input: CreatePickBatchInput, actor: Actor, now: Date) {
  try {
    return await db.transaction(async (tx) => {
      const center = await centerById(tx, input.centerId);
      const chosen = input.orderNumbers
        ? await namedOrders(tx, [...new Set(input.orderNumbers)], center)
        : await waitingOrders(tx, center);
      const [batch] = await tx
        .insert(pickBatches)
        .values({ fulfillmentCenterId: center.id, createdByUserId: actor.userId, createdAt: now })
        .returning();
      if (!batch) throw new Error('pick batch insert returned nothing');
      await tx
        .insert(pickBatchOrders)
        .values(chosen.map((order) => ({ pickBatchId: batch.id, orderId: order.id, fulfillmentCenterId: center.id })));
      for (const order of chosen) {
        await recordOrderEvent(tx, order, 'pick_batch', {
          now,
          actorUserId: actor.userId,
          message: `Added to pick batch ${batch.number} at ${center.name} (${center.code}).`,
          data: { batchNumber: batch.number, center: center.code },
        });
      }
      return {
        number: batch.number,
        center: { id: center.id, code: center.code, name: center.name },
        orderNumbers: chosen.map((order) => order.number),
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('conflict', RACED);
    throw error;
  }
}

/** A page of pick batches, newest first, optionally of one center or only those in progress, with their size and whether work is left. */
export async function listPickBatches(db: Executor, input: PickBatchListInput) {
  const where = and(
    input.centerId ? eq(pickBatches.fulfillmentCenterId, input.centerId) : undefined,
    // The dashboard's "in progress" count uses the same condition.
    input.open ? batchIsOpen() : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        number: pickBatches.number,
        centerCode: fulfillmentCenters.code,
        centerName: fulfillmentCenters.name,
        createdAt: pickBatches.createdAt,
        createdBy: users.name,
        orderCount: sql<number>`(select count(*)::int from pick_batch_orders pbo where pbo.pick_batch_id = pick_batches.id)`,
        open: batchIsOpen(),
      })
      .from(pickBatches)
      .innerJoin(fulfillmentCenters, eq(fulfillmentCenters.id, pickBatches.fulfillmentCenterId))
      .leftJoin(users, eq(users.id, pickBatches.createdByUserId))
      .where(where)
      .orderBy(desc(pickBatches.createdAt), desc(pickBatches.number))
      .limit(input.pageSize + 1)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(pickBatches).where(where),
  ]);
  return {
    page: input.page,
    total: total?.n ?? 0,
    hasNext: rows.length > input.pageSize,
    rows: rows.slice(0, input.pageSize),
  };
}

/** A pick batch by number with its center and who made it; not found with the number named. */
export async function batchByNumber(db: Executor, number: number) {
  const [row] = await db
    .select({
      id: pickBatches.id,
      number: pickBatches.number,
      createdAt: pickBatches.createdAt,
      createdBy: users.name,
      center: fulfillmentCenters,
    })
    .from(pickBatches)
    .innerJoin(fulfillmentCenters, eq(fulfillmentCenters.id, pickBatches.fulfillmentCenterId))
    .leftJoin(users, eq(users.id, pickBatches.createdByUserId))
    .where(eq(pickBatches.number, number));
  if (!row) throw new DomainError('not_found', `Pick batch ${number} was not found.`);
  return row;
}

/** The orders of a batch at its center, oldest first. */
export async function batchOrders(db: Executor, batchId: string) {
  return db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      organizationName: organizations.name,
      poNumber: orders.poNumber,
      submittedAt: orders.submittedAt,
      shipTo: orders.shipTo,
      shippingMethodName: orders.shippingMethodName,
    })
    .from(pickBatchOrders)
    .innerJoin(orders, eq(orders.id, pickBatchOrders.orderId))
    .innerJoin(organizations, eq(organizations.id, orders.organizationId))
    .where(eq(pickBatchOrders.pickBatchId, batchId))
    .orderBy(asc(orders.submittedAt), asc(orders.id));
}

/**
 * One pick batch for the clerk's work: each order's lines at the center with what is allocated,
 * packed and shipped there and what is left to pack, and its packages (shipped or waiting).
 */
export async function pickBatchDetail(db: Executor, number: number) {
  const batch = await batchByNumber(db, number);
  const center = batch.center;
  const batchOrderRows = await batchOrders(db, batch.id);
  const orderIds = batchOrderRows.map((order) => order.id);
  const [figures, packageRows, packageLineRows] = await Promise.all([
    lineFiguresAt(db, center.id, orderIds),
    orderIds.length === 0
      ? []
      : db
          .select({
            id: packages.id,
            orderId: packages.orderId,
            status: packages.status,
            carrier: packages.carrier,
            trackingNumber: packages.trackingNumber,
            createdAt: packages.createdAt,
            shippedAt: packages.shippedAt,
          })
          .from(packages)
          .where(and(inArray(packages.orderId, orderIds), eq(packages.fulfillmentCenterId, center.id)))
          .orderBy(asc(packages.createdAt), asc(packages.id)),
    orderIds.length === 0
      ? []
      : db
          .select({
            packageId: packageLines.packageId,
            sku: orderLines.sku,
            name: orderLines.name,
            unit: orderLines.unit,
            quantity: packageLines.quantity,
            lineNumber: orderLines.lineNumber,
          })
          .from(packageLines)
          .innerJoin(packages, eq(packages.id, packageLines.packageId))
          .innerJoin(orderLines, eq(orderLines.id, packageLines.orderLineId))
          .where(and(inArray(packages.orderId, orderIds), eq(packages.fulfillmentCenterId, center.id)))
          .orderBy(asc(orderLines.lineNumber)),
  ]);
  return {
    number: batch.number,
    createdAt: batch.createdAt,
    createdBy: batch.createdBy,
    center: { id: center.id, code: center.code, name: center.name },
    orders: batchOrderRows.map((order) => {
      const lines = figures
        .filter((line) => line.orderId === order.id)
        .map(({ orderLineId, lineNumber, sku, name, unit, ordered, allocated, packed, shipped }) => ({
          orderLineId,
          lineNumber,
          sku,
          name,
          unit,
          ordered,
          allocated,
          packed,
          shipped,
          toPack: remainingToPack({ allocated, packed }),
        }));
      const progress = centerProgress(lines);
      return {
        ...order,
        lines,
        progress: { ...progress, label: PROGRESS_LABELS[progress.state] },
        packages: packageRows
          .filter((row) => row.orderId === order.id)
          .map(({ orderId: _orderId, ...row }) => ({
            ...row,
            lines: packageLineRows
              .filter((line) => line.packageId === row.id)
              .map(({ packageId: _packageId, ...line }) => line),
          })),
      };
    }),
  };
}
