import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { approvalSteps, inventory } from '@/db/schema';
import { approvalTeam, teamOrder } from './approval-team';
import { createProduct } from './catalog';
import { placeOrder } from './orders';
import { shipOrder, orderingOrganization } from './staff-orders';

/** What seedJobWork left for the jobs: `size` orders per job, and authorizers due a reminder. */
export type JobWork = { backordered: number; confirmed: number; shipped: number; authorizersDue: number };

/**
 * Gives every scheduled job work to do, through the real checkout: backordered orders whose stock
 * has now arrived, confirmed orders to release, shipped card orders to capture, and orders waiting
 * for two authorizers for 30 hours (past the 24-hour reminder interval, short of escalation).
 * Their emails wait in the outbox for the dispatcher. Used by the job race test and
 * `npm run proof:instances`.
 */
export async function seedJobWork(db: Database, size: number): Promise<JobWork> {
  const buyer = await orderingOrganization(db);
  const inStock = await createProduct(db, { prices: [[buyer.list, 1_000]], onHand: 1_000_000 });
  const short = await createProduct(db, { prices: [[buyer.list, 1_000]], onHand: 0 });
  const order = (product: typeof inStock, card = false) =>
    placeOrder(db, buyer.buyer, {
      lines: [[product, 1]],
      addressId: buyer.addressId,
      ...(card ? { paymentMethod: 'card' as const, cardNumber: '4242 4242 4242 4242' } : {}),
    });
  for (let i = 0; i < size; i++) await order(short);
  await db.update(inventory).set({ onHand: size }).where(eq(inventory.productId, short.id));
  for (let i = 0; i < size; i++) await order(inStock);
  for (let i = 0; i < size; i++) await shipOrder(db, await order(inStock, true));

  const team = await approvalTeam(db);
  const waiting = [];
  for (let i = 0; i < Math.max(1, Math.ceil(size / 4)); i++) waiting.push((await teamOrder(db, team, 20)).id);
  await db
    .update(approvalSteps)
    .set({ pendingSince: sql`${approvalSteps.pendingSince} - interval '30 hours'` })
    .where(inArray(approvalSteps.orderId, waiting));
  return { backordered: size, confirmed: size, shipped: size, authorizersDue: 2 };
}

/** What the jobs did since `since`, and every piece of it done more than once (all should be 0). */
export type JobEffects = {
  allocated: number;
  released: number;
  deposited: number;
  reminders: number;
  emailsQueued: number;
  emailsPending: number;
  emailsDelivered: number;
  duplicateTransitions: number;
  duplicateReminders: number;
  duplicateEmails: number;
  duplicateDeliveries: number;
};

/**
 * Counts the jobs' effects from the database itself, not from what the jobs answered: order
 * transitions since `since`, emails queued since `emailsSince` (the work's own emails included).
 */
export async function jobEffects(db: Database, since: Date, emailsSince: Date = since): Promise<JobEffects> {
  const at = since.toISOString();
  const mailAt = emailsSince.toISOString();
  const [row] = await db.execute<Record<keyof JobEffects, number>>(sql`
    select
      (select count(*)::int from order_events where at >= ${at}::timestamptz
        and from_status = 'backordered' and to_status = 'payment_authorized') as "allocated",
      (select count(*)::int from order_events where at >= ${at}::timestamptz and to_status = 'released') as "released",
      (select count(*)::int from order_events where at >= ${at}::timestamptz and to_status = 'deposited') as "deposited",
      (select count(*)::int from email_outbox where created_at >= ${mailAt}::timestamptz and kind = 'approval-reminder') as "reminders",
      (select count(*)::int from email_outbox where created_at >= ${mailAt}::timestamptz) as "emailsQueued",
      (select count(*)::int from email_outbox where created_at >= ${mailAt}::timestamptz and status in ('pending', 'sending')) as "emailsPending",
      (select count(*)::int from dev_mailbox d join email_outbox o on o.id = d.outbox_id where o.created_at >= ${mailAt}::timestamptz) as "emailsDelivered",
      (select count(*)::int from (select 1 from order_events where at >= ${at}::timestamptz
        and to_status in ('payment_authorized', 'released', 'deposited')
        group by order_id, to_status having count(*) > 1) d) as "duplicateTransitions",
      (select count(*)::int from (select 1 from email_outbox where created_at >= ${mailAt}::timestamptz and kind = 'approval-reminder'
        group by to_address having count(*) > 1) d) as "duplicateReminders",
      (select count(*)::int from (select 1 from email_outbox where created_at >= ${mailAt}::timestamptz
        group by kind, to_address, props having count(*) > 1) d) as "duplicateEmails",
      (select count(*)::int from (select 1 from dev_mailbox d join email_outbox o on o.id = d.outbox_id
        where o.created_at >= ${mailAt}::timestamptz group by d.outbox_id having count(*) > 1) d) as "duplicateDeliveries"`);
  if (!row) throw new Error('jobEffects: no row');
  return row;
}
