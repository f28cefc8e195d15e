import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { executeNamed, namedStatement, type NamedStatement } from '@/db/named-statement';
import type { ApprovalStepRow, Order } from '@/db/schema';
import type { InboxState } from '@/server/domain/approvals/evaluate';
import type { PricedOrderLine } from '@/server/domain/orders/totals';
import type { PlannedMove } from '@/server/domain/orders/submit-plan';
import type { pushesForEmails } from '@/server/push/outbox';

/** A new order's row before it exists: everything but the transaction's id, which the database gives it. */
export type NewOrder = Omit<Order, 'changeXid'>;

export type SubmitWrites = {
  order: NewOrder;
  lines: readonly PricedOrderLine[];
  /** The history, in order: 'submitted' (by the requester), then the plan's moves (by the system). */
  events: readonly ({
    kind: string;
    actorUserId: string | null;
    message: string;
    data: Record<string, unknown>;
  } & Partial<Pick<PlannedMove, 'from' | 'to'>>)[];
  allocations: readonly { lineNumber: number; productId: string; centerId: string; quantity: number }[];
  steps: readonly Pick<
    ApprovalStepRow,
    'id' | 'tier' | 'source' | 'label' | 'authorizers' | 'escalated' | 'status' | 'pendingSince'
  >[];
  inbox: readonly { membershipId: string; state: InboxState; onBehalfOfMembershipId: string | null }[];
  emails: readonly { kind: string; to: string; props: unknown }[];
  pushes: ReturnType<typeof pushesForEmails>;
};

const json = (value: unknown) => JSON.stringify(value);
/** Rows numbered in their order, for an INSERT … SELECT that must keep it (history is read by its sequence). */
const numbered = (rows: readonly object[]) => json(rows.map((row, index) => ({ ...row, n: index + 1 })));

const value = (name: keyof ReturnType<typeof writeValues>) => sql.placeholder(name);

/** The write's values: the order and every list as jsonb, and the submit's time. */
function writeValues(writes: SubmitWrites) {
  return {
    at: writes.order.submittedAt.toISOString(),
    order: json(writes.order),
    lines: json(writes.lines.map((line, index) => ({ ...line, lineNumber: index + 1 }))),
    events: numbered(writes.events),
    allocations: json(writes.allocations),
    steps: numbered(writes.steps),
    inbox: json(writes.inbox),
    emails: json(writes.emails),
    pushes: json(writes.pushes),
  };
}

/**
 * The submit's one write: the order, its lines and history, the stock it takes with its
 * allocations, its approval steps and inbox rows, the emails and pushes it queues, and the emptied
 * cart — one statement of data-modifying CTEs. Every list travels as one jsonb parameter, so the
 * statement's text is the same for every order and PostgreSQL keeps its plan. The stock rows were
 * locked by the read; the allocations find their order line by its number.
 */
const SUBMIT_WRITE = namedStatement(
  'submit_write',
  sql`
    with o as (
      insert into orders (id, number, organization_id, unit_id, membership_id, user_id, status, version, idempotency_key,
        currency, subtotal_minor, shipping_minor, total_minor, item_count, sku_count, ship_to, shipping_method_code,
        shipping_method_name, po_number, buyer_note, payment_method, payment_status, card_last4, card_outcome,
        payment_reference, submitted_at, updated_at, change_xid)
      select r.id, r."number", r."organizationId", r."unitId", r."membershipId", r."userId", r."status", r."version",
        r."idempotencyKey", r."currency", r."subtotalMinor", r."shippingMinor", r."totalMinor", r."itemCount",
        r."skuCount", r."shipTo", r."shippingMethodCode", r."shippingMethodName", r."poNumber", r."buyerNote",
        r."paymentMethod", r."paymentStatus", r."cardLast4", r."cardOutcome", r."paymentReference", r."submittedAt",
        r."updatedAt", pg_current_xact_id()::text::bigint
      from jsonb_to_record(${value('order')}::jsonb) as r(id uuid, "number" varchar, "organizationId" uuid, "unitId" uuid,
        "membershipId" uuid, "userId" uuid, "status" order_status, "version" int, "idempotencyKey" varchar,
        "currency" char(3), "subtotalMinor" bigint, "shippingMinor" bigint, "totalMinor" bigint, "itemCount" int,
        "skuCount" int, "shipTo" jsonb, "shippingMethodCode" varchar, "shippingMethodName" varchar, "poNumber" varchar,
        "buyerNote" varchar, "paymentMethod" payment_method, "paymentStatus" payment_status, "cardLast4" char(4),
        "cardOutcome" varchar, "paymentReference" varchar, "submittedAt" timestamptz, "updatedAt" timestamptz)
      returning id, organization_id, membership_id, number, submitted_at, change_xid
    ), l as (
      insert into order_lines (order_id, line_number, product_id, sku, name, unit, quantity, unit_price_minor,
        list_price_minor, discount_basis_points, line_total_minor)
      select o.id, r."lineNumber", r."productId", r.sku, r.name, r.unit, r.quantity, r."unitPriceMinor", r."listPriceMinor",
        r."discountBasisPoints", r."lineTotalMinor"
      from o, jsonb_to_recordset(${value('lines')}::jsonb)
        as r("lineNumber" int, "productId" uuid, sku varchar, name varchar, unit varchar, quantity int,
        "unitPriceMinor" bigint, "listPriceMinor" bigint, "discountBasisPoints" int, "lineTotalMinor" bigint)
      returning id, line_number
    ), e as (
      insert into order_events (order_id, at, kind, from_status, to_status, actor_user_id, message, data)
      select o.id, ${value('at')}::timestamptz, r.kind, r."from", r."to", r."actorUserId", r.message, r.data
      from o, jsonb_to_recordset(${value('events')}::jsonb) as r(kind varchar, "from" order_status,
        "to" order_status, "actorUserId" uuid, message text, data jsonb, n int)
      order by r.n
    ), wanted as (
      select * from jsonb_to_recordset(${value('allocations')}::jsonb)
        as a("lineNumber" int, "productId" uuid, "centerId" uuid, quantity int)
    ), adjusted as (
      update inventory i set allocated = i.allocated + w.quantity, version = i.version + 1, updated_at = now()
      from wanted w
      -- The planner takes a jsonb list for 100 rows and would hash-join it against a scan of every
      -- stock row; the products' array makes it look the few rows up by the primary key.
      where i.product_id = any(array(select "productId" from wanted))
        and i.product_id = w."productId" and i.fulfillment_center_id = w."centerId"
    ), allocated as (
      insert into order_allocations (order_id, order_line_id, fulfillment_center_id, quantity)
      select o.id, l.id, w."centerId", w.quantity from o, wanted w join l on l.line_number = w."lineNumber"
    ), s as (
      insert into approval_steps (id, order_id, organization_id, tier, source, label, authorizers, escalated, status,
        pending_since)
      select r.id, o.id, o.organization_id, r.tier, r.source, r.label, r.authorizers, r.escalated, r.status, r."pendingSince"
      from o, jsonb_to_recordset(${value('steps')}::jsonb) as r(id uuid, tier int, source jsonb,
        label varchar, authorizers jsonb, escalated varchar, status approval_step_status, "pendingSince" timestamptz,
        n int)
      order by r.n
    ), inbox as (
      insert into approval_inbox (membership_id, order_id, organization_id, state, submitted_at, order_number,
        requester_membership_id, on_behalf_of_membership_id)
      select r."membershipId", o.id, o.organization_id, r.state, o.submitted_at, o.number, o.membership_id,
        r."onBehalfOfMembershipId"
      from o, jsonb_to_recordset(${value('inbox')}::jsonb) as r("membershipId" uuid, state inbox_state,
        "onBehalfOfMembershipId" uuid)
    ), cleared as (
      delete from cart_lines c using o where c.membership_id = o.membership_id
    ), emailed as (
      insert into email_outbox (kind, to_address, props, created_at, next_attempt_at)
      select r.kind, r."to", r.props, ${value('at')}::timestamptz, ${value('at')}::timestamptz
      from jsonb_to_recordset(${value('emails')}::jsonb) as r(kind varchar, "to" varchar, props jsonb)
    ), pushed as (
      insert into push_outbox (user_id, subscription_id, title, body, url, order_number, created_at, next_attempt_at)
      select u.id, ps.id, p.title, p.body, p.url, p."orderNumber", ${value('at')}::timestamptz, ${value('at')}::timestamptz
      from jsonb_to_recordset(${value('pushes')}::jsonb)
        as p(address varchar, title varchar, body varchar, url varchar, "orderNumber" varchar)
      join users u on u.email = p.address and u.status = 'active'
      join push_subscriptions ps on ps.user_id = u.id
      returning 1
    )
    select o.change_xid as "changeXid", (select count(*) from pushed)::int as pushes
    from o`,
);

type WriteRow = { changeXid: string; pushes: number };

/**
 * How the write is sent: as a named statement in the transaction, or with the transaction's COMMIT
 * in the same flight when nothing follows it (`PipelinedTransaction.commitWith`).
 */
export type SendWrite = (statement: NamedStatement, values: Record<string, unknown>) => Promise<WriteRow[]>;

/** Sends the write as a named statement of the open transaction, which goes on after it. */
export const inTransaction =
  (tx: Executor): SendWrite =>
  (statement, values) =>
    executeNamed<WriteRow>(tx, statement, values);

/** Writes a submitted order in one statement (see `submitWriteSql`): the order as stored, and how many pushes it queued. */
export async function writeSubmit(send: SendWrite, writes: SubmitWrites): Promise<{ order: Order; pushes: number }> {
  const [row] = await send(SUBMIT_WRITE, writeValues(writes));
  if (!row) throw new Error('writeSubmit: the order was not created');
  return { order: { ...writes.order, changeXid: Number(row.changeXid) }, pushes: row.pushes };
}
