import type { Database, Executor } from '@/db/client';
import { countMembers } from '@/db/queries/members';
import { orderHistoryPage } from '@/db/queries/orders';
import type { Actor } from '@/server/domain/access/actor';
import { homeSections, spendMeter } from '@/server/domain/home/overview';
import { DISPLAY_STATUS_LABELS, displayStatus, statusTone } from '@/server/domain/orders/display-status';
import { inboxSchema } from '@/server/schemas/authorizations';
import { inboxPage } from '../approvals/inbox';
import { memberSpend } from '../approvals/budget';
import { getCart } from '../orders/cart';
import { listTemplates } from '../orders/templates';
import { reach } from '../organizations/members';

export const HOME_LIST_SIZE = 5;

async function cartSummary(db: Executor, actor: Actor, now: Date) {
  const cart = await getCart(db, actor, now);
  const subtotal = 'subtotal' in cart ? cart.subtotal : undefined;
  const total =
    subtotal?.amountMinor !== undefined && subtotal.currency
      ? { amountMinor: subtotal.amountMinor, currency: subtotal.currency }
      : null;
  return { lineCount: cart.lines.length, itemCount: cart.itemCount, ...(total ? { total } : {}) };
}

/** The member's own last orders, read from the front of their history index. */
async function recentOrders(db: Executor, actor: Actor, prices: boolean, reorder: boolean) {
  const page = await orderHistoryPage(
    db,
    actor.organizationId,
    { scope: 'own', membershipId: actor.membershipId },
    {},
    { direction: 'older', pageSize: HOME_LIST_SIZE },
  );
  return page.rows.map((row) => {
    const status = displayStatus(row.status, row.anyShipped);
    return {
      number: row.number,
      submittedAt: row.submittedAt,
      status,
      statusLabel: DISPLAY_STATUS_LABELS[status],
      statusTone: statusTone(status),
      itemCount: row.itemCount,
      mayReorder: reorder,
      ...(prices ? { total: { amountMinor: row.totalMinor, currency: row.currency } } : {}),
    };
  });
}

async function templates(db: Executor, actor: Actor) {
  const page = await listTemplates(db, actor, { page: 1, pageSize: HOME_LIST_SIZE });
  return { rows: page.rows.map(({ id, name, lineCount }) => ({ id, name, lineCount })), more: page.hasNext };
}

/**
 * This calendar month's spend (UTC boundaries, as the approval policy counts it, until members
 * have their own time zone) in the organization's currency, against the member's limits.
 */
async function spend(db: Executor, actor: Actor, withLimits: boolean, now: Date) {
  const { currency, spentMinor, limits } = await memberSpend(db, actor, { monthOf: now, withLimits });
  return {
    currency,
    spentMinor,
    monthly: limits
      .filter((limit) => limit.period === 'month')
      .sort((a, b) => a.limitMinor - b.limitMinor)
      .map((limit) => ({ limitMinor: limit.limitMinor, ...spendMeter(spentMinor, limit.limitMinor) })),
    perOrder: limits
      .filter((limit) => limit.period === 'order')
      .map((limit) => limit.limitMinor)
      .sort((a, b) => a - b),
  };
}

async function waitingForMe(db: Executor, actor: Actor) {
  const page = await inboxPage(db, actor, inboxSchema.parse({ state: 'pending' }));
  return {
    total: page.total,
    rows: page.rows.slice(0, HOME_LIST_SIZE).map((row) => ({
      number: row.number,
      submittedAt: row.submittedAt,
      requesterName: row.requesterName,
      itemCount: row.itemCount,
      ...(row.total ? { total: row.total } : {}),
    })),
  };
}

/** Who an administrator should act on: people asking to join, and invited people who have not set a password. */
async function peopleToActOn(db: Database, actor: Actor) {
  const unitIds = await reach(db, actor.organizationId, actor);
  const [joining, invited] = await Promise.all([
    // Joining requests go to the whole organization's administrators (the joining page lists them all).
    countMembers(db, { organizationId: actor.organizationId, status: 'pending' }),
    countMembers(db, { organizationId: actor.organizationId, unitIds, status: 'invited' }),
  ]);
  return { joining, invited };
}

/**
 * The buyer's home page: what this member may see of their cart, recent orders, templates, this
 * month's spend, orders waiting for them and people to act on. Each part is one short indexed
 * read (LIMIT 5 from an index, or a count on one); the parts run side by side.
 */
export async function homeOverview(db: Database, actor: Actor, now: Date) {
  const show = homeSections({ permissions: actor.permissions, hasLimitedBudget: actor.flags.hasLimitedBudget });
  const [cart, orders, savedTemplates, spent, waiting, people] = await Promise.all([
    show.cart ? cartSummary(db, actor, now) : null,
    show.recentOrders ? recentOrders(db, actor, show.prices, show.reorder) : null,
    show.templates ? templates(db, actor) : null,
    show.spend ? spend(db, actor, show.limits, now) : null,
    show.waiting ? waitingForMe(db, actor) : null,
    show.people ? peopleToActOn(db, actor) : null,
  ]);
  return { cart, recentOrders: orders, templates: savedTemplates, spend: spent, waiting, people };
}
