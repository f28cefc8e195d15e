import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { executeNamed, namedStatement } from '@/db/named-statement';
import type { Order, ShipTo } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { monthStartUtc, nextMonthStartUtc } from '@/server/domain/approvals/budget';
import type { ApprovalInput, ApprovalRule, PolicyMember, SpendingLimit } from '@/server/domain/approvals/evaluate';
import type { CenterStock } from '@/server/domain/orders/allocation';
import { buyerPrice, currentContract, type PricingContract } from '@/server/domain/catalog/pricing';
import type { CheckoutLine } from '@/server/domain/orders/totals';
import type { PaymentMethod } from '@/server/domain/organizations/status';
import { utcDate } from '@/server/domain/organizations/approval';
import type { SubmitOrderInput } from '@/server/schemas/orders';
import { lockTenantForName } from '../organizations/tenant-lock';
import { creditPositionOf } from './credit';

type ShippingChoice = { code: string; name: string; costMinor: number; currency: string };
type CartRow = Omit<CheckoutLine, 'price'> & { pictureKey: string | null };
type ListPriceRow = { priceListId: string; productId: string; unitPriceMinor: number; currency: string };
type MemberRow = Omit<PolicyMember, 'delegation'> & {
  delegation: { delegateMembershipId: string; from: string; to: string } | null;
};

type ReadRow = {
  earlier: Pick<Order, 'number' | 'status' | 'paymentReference'> | null;
  number: string | null;
  account: {
    currency: string;
    creditLimitMinor: number;
    paymentMethods: PaymentMethod[];
    paymentTerms: string;
    openBalanceMinor: number;
  } | null;
  address: (ShipTo & { id: string }) | null;
  shipping: ShippingChoice | null;
  lines: CartRow[];
  stock: CenterStock[];
  contracts: PricingContract[];
  prices: ListPriceRow[];
  limits: SpendingLimit[];
  rules: ApprovalRule[];
  unitPath: string[];
  roleIds: string[];
  monthToDate: string;
  members: MemberRow[] | null;
  requester: { email: string; name: string; timeZone: string | null };
};

const value = (name: keyof SubmitReadValues) => sql.placeholder(name);

type SubmitReadValues = {
  membershipId: string;
  organizationId: string;
  unitId: string;
  userId: string;
  idempotencyKey: string;
  addressId: string;
  shippingMethodCode: string;
  monthStart: string;
  monthEnd: string;
};

/**
 * The submit's one read, after the organization's lock (see `readForSubmit`). The cart's lines
 * are locked, then the stock rows of their products in (product, center) order, as every writer
 * of inventory locks them: the allocation decided from these figures holds until the commit. The
 * order number is drawn here, so the write can put it in the emails it queues; a refused submit
 * leaves a gap in the numbers, as a rolled-back one always did. Members are read only when a
 * spending limit or an approval rule could name someone.
 */
const SUBMIT_READ = namedStatement(
  'submit_read',
  sql`
    with recursive cart as (
      select cl.product_id, cl.quantity, cl.added_at, p.sku, p.name, p.unit, p.active, p.picture_key
      from cart_lines cl join products p on p.id = cl.product_id
      where cl.membership_id = ${value('membershipId')}
      order by cl.added_at, p.sku
      for update of cl
    ), stock as (
      select i.product_id, i.fulfillment_center_id, i.on_hand, i.allocated from inventory i
      where i.product_id in (select product_id from cart)
      order by i.product_id, i.fulfillment_center_id
      for update
    ), up as (
      select id, parent_id from organizations where id = ${value('unitId')}
      union all
      select o.id, o.parent_id from organizations o join up on o.id = up.parent_id
    ), limits as (
      select l.id, l.limit_minor, l.period,
        array(select a.membership_id from spending_limit_authorizers a where a.limit_id = l.id) as authorizers
      from spending_limits l where l.membership_id = ${value('membershipId')}
    ), rules as (
      select * from approval_rules r where r.organization_id = ${value('organizationId')} and r.active
    )
    select
      (select json_build_object('number', o.number, 'status', o.status, 'paymentReference', o.payment_reference)
        from orders o where o.membership_id = ${value('membershipId')} and o.idempotency_key = ${value('idempotencyKey')}) as earlier,
      (case when not exists (select 1 from orders o where o.membership_id = ${value('membershipId')} and o.idempotency_key = ${value('idempotencyKey')})
        then 'CS-' || nextval('order_number_seq') end) as number,
      (select json_build_object('currency', ca.currency, 'creditLimitMinor', ca.credit_limit_minor,
          'paymentMethods', ca.payment_methods, 'paymentTerms', ca.payment_terms, 'openBalanceMinor', ca.open_balance_minor)
        from customer_accounts ca where ca.organization_id = ${value('organizationId')}) as account,
      (select json_build_object('id', a.id, 'label', a.label, 'recipient', a.recipient, 'addressLine1', a.address_line1,
          'addressLine2', a.address_line2, 'city', a.city, 'region', a.region, 'postalCode', a.postal_code, 'country', a.country)
        from organization_addresses a where a.id = ${value('addressId')} and a.organization_id = ${value('organizationId')} and a.active) as address,
      (select json_build_object('code', s.code, 'name', s.name, 'costMinor', s.cost_minor, 'currency', s.currency)
        from shipping_methods s where s.code = ${value('shippingMethodCode')} and s.active) as shipping,
      (select coalesce(json_agg(json_build_object('productId', c.product_id, 'sku', c.sku, 'name', c.name, 'unit', c.unit,
          'active', c.active, 'quantity', c.quantity, 'pictureKey', c.picture_key) order by c.added_at, c.sku), '[]')
        from cart c) as lines,
      (select coalesce(json_agg(json_build_object('productId', s.product_id, 'centerId', s.fulfillment_center_id,
          'available', s.on_hand - s.allocated) order by s.product_id, s.fulfillment_center_id), '[]')
        from stock s) as stock,
      (select coalesce(json_agg(json_build_object('priceListId', k.price_list_id, 'discountBasisPoints', k.discount_basis_points,
          'validFrom', k.valid_from, 'validTo', k.valid_to) order by k.created_at, k.id), '[]')
        from contracts k where k.organization_id = ${value('organizationId')}) as contracts,
      (select coalesce(json_agg(json_build_object('priceListId', lp.price_list_id, 'productId', lp.product_id,
          'unitPriceMinor', lp.unit_price_minor, 'currency', pl.currency)), '[]')
        from price_list_prices lp join price_lists pl on pl.id = lp.price_list_id
        where lp.price_list_id in (select k.price_list_id from contracts k where k.organization_id = ${value('organizationId')})
          and lp.product_id in (select product_id from cart)) as prices,
      (select coalesce(json_agg(json_build_object('id', l.id, 'limitMinor', l.limit_minor, 'period', l.period,
          'authorizerMembershipIds', l.authorizers)), '[]') from limits l) as limits,
      (select coalesce(json_agg(json_build_object('id', r.id, 'name', r.name, 'active', r.active, 'conditions', r.conditions,
          'appliesTo', r.applies_to, 'approvers', r.approvers, 'tier', r.tier)), '[]') from rules r) as rules,
      (select coalesce(json_agg(up.id), '[]') from up) as "unitPath",
      (select coalesce(json_agg(mr.role_id), '[]') from membership_roles mr where mr.membership_id = ${value('membershipId')}) as "roleIds",
      (select coalesce(sum(o.total_minor), 0) from orders o where o.membership_id = ${value('membershipId')}
        and o.submitted_at >= ${value('monthStart')}::timestamptz
        and o.submitted_at < ${value('monthEnd')}::timestamptz
        and o.status not in ('canceled', 'declined')) as "monthToDate",
      (select json_agg(json_build_object(
          'membershipId', m.id, 'name', u.name,
          'active', m.activated and m.status = 'active' and u.status = 'active',
          -- The flag alone is not enough: a role must grant "approve orders" too, as the router checks.
          'mayAuthorize', m.may_authorize_orders and exists (
            select 1 from membership_roles mr join roles r on r.id = mr.role_id
            where mr.membership_id = m.id and r.permissions && array['orders.approve', 'orders.approve@unit', 'orders.approve@org']::text[]),
          'isAccountManager', m.shop_account_role = 'account_manager',
          'roleIds', array(select mr.role_id from membership_roles mr where mr.membership_id = m.id),
          'delegation', case when d.delegate_membership_id is not null then json_build_object(
            'delegateMembershipId', d.delegate_membership_id, 'from', d.starts_at, 'to', d.ends_at) end))
        from memberships m join users u on u.id = m.user_id
        left join authorizer_delegations d on d.membership_id = m.id
        where m.organization_id = ${value('organizationId')} and (exists (select 1 from rules) or exists (select 1 from limits))) as members,
      (select json_build_object('email', u.email, 'name', u.name, 'timeZone', u.time_zone)
        from users u where u.id = ${value('userId')}) as requester`,
);

/** What the submit decides on, read in one flight; each part as the domain functions take it. */
export type SubmitFacts = Awaited<ReturnType<typeof readForSubmit>>;

/**
 * The submit's read flight: the organization's lock and the read above, sent together (a
 * pipeline, one round trip). The read is a statement of its own, after the lock, so that its
 * snapshot is taken once the lock is held: everything it sees includes the order a concurrent
 * submit of the organization has just committed (its spend, its credit, its idempotency key).
 */
export async function readForSubmit(
  tx: Executor,
  actor: Actor,
  input: Pick<SubmitOrderInput, 'idempotencyKey' | 'addressId' | 'shippingMethodCode'>,
  now: Date,
) {
  const [organizationName, rows] = await Promise.all([
    lockTenantForName(tx, actor.organizationId),
    executeNamed<ReadRow>(tx, SUBMIT_READ, {
      membershipId: actor.membershipId,
      organizationId: actor.organizationId,
      unitId: actor.unitId,
      userId: actor.userId,
      idempotencyKey: input.idempotencyKey,
      addressId: input.addressId,
      shippingMethodCode: input.shippingMethodCode,
      monthStart: monthStartUtc(now).toISOString(),
      monthEnd: nextMonthStartUtc(now).toISOString(),
    } satisfies SubmitReadValues),
  ]);
  const row = rows[0];
  if (!row) throw new Error('readForSubmit: the read returned no row');
  return {
    organizationName,
    earlier: row.earlier,
    number: row.number,
    credit: row.account ? creditPositionOf(row.account, row.account.openBalanceMinor) : null,
    address: row.address,
    shipping: row.shipping,
    lines: pricedCart(row, now),
    stock: row.stock,
    policy: policyOf(actor, row, now),
    requester: row.requester,
  };
}

/** The cart's lines with the organization's price of each under its current contract (as `buyerPrices`). */
function pricedCart(row: ReadRow, now: Date): (CheckoutLine & { pictureKey: string | null })[] {
  const contract = currentContract(row.contracts, utcDate(now));
  const listPrice = (productId: string) => {
    const price = row.prices.find(
      (entry) => entry.priceListId === contract?.priceListId && entry.productId === productId,
    );
    return price ? { unitPriceMinor: price.unitPriceMinor, currency: price.currency } : null;
  };
  return row.lines.map((line) => ({ ...line, price: buyerPrice(contract, listPrice(line.productId)) }));
}

/** The approval policy's inputs (as `policyContext`), or null when no limit or rule exists. */
function policyOf(actor: Actor, row: ReadRow, now: Date): Omit<ApprovalInput, 'order'> | null {
  const limits = actor.flags.hasLimitedBudget ? row.limits : [];
  if (limits.length === 0 && row.rules.length === 0) return null;
  return {
    requester: {
      membershipId: actor.membershipId,
      unitPath: row.unitPath,
      roleIds: row.roleIds,
      hasLimitedBudget: actor.flags.hasLimitedBudget,
      monthToDateMinor: limits.some((limit) => limit.period === 'month') ? Number(row.monthToDate) : 0,
    },
    limits,
    rules: row.rules,
    members: (row.members ?? []).map(({ delegation, ...member }) => ({
      ...member,
      delegation: delegation
        ? {
            delegateMembershipId: delegation.delegateMembershipId,
            from: new Date(delegation.from),
            to: new Date(delegation.to),
          }
        : null,
    })),
    now,
  };
}
