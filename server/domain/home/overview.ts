import type { Permission } from '../access/permissions';

/** What the home page shows a member: each part only when their permissions and flags let them use it. */
export type HomeSections = {
  /** Totals, prices and spend amounts. */
  prices: boolean;
  cart: boolean;
  recentOrders: boolean;
  reorder: boolean;
  templates: boolean;
  /** This month's spend, and the spending limits when the member has a limited budget. */
  spend: boolean;
  limits: boolean;
  /** Orders waiting for this authorizer. */
  waiting: boolean;
  /** Joining requests and members to act on (account managers). */
  people: boolean;
};

/** Decides which parts of the home page this member may see; the service loads only those. */
export function homeSections(input: { permissions: ReadonlySet<Permission>; hasLimitedBudget: boolean }): HomeSections {
  const has = (permission: Permission) => input.permissions.has(permission);
  const orders = has('orders.place');
  const prices = has('prices.view');
  return {
    prices,
    cart: orders,
    recentOrders: has('orders.view'),
    reorder: orders,
    templates: orders,
    // An amount spent means nothing to someone who may not see prices, and the server never sends it.
    spend: orders && prices,
    limits: orders && prices && input.hasLimitedBudget,
    waiting: has('orders.approve'),
    people: has('org.users.manage'),
  };
}

export type SpendTone = 'good' | 'warn' | 'bad';

/**
 * How far this month's spend has gone into a monthly limit: the share for a bar (0–100), what is
 * left, and a tone — warn from 80 %, bad once over the limit (further orders need approval).
 */
export function spendMeter(spentMinor: number, limitMinor: number) {
  const share = limitMinor <= 0 ? (spentMinor > 0 ? Infinity : 0) : spentMinor / limitMinor;
  const tone: SpendTone = share > 1 ? 'bad' : share >= 0.8 ? 'warn' : 'good';
  return {
    percent: Math.min(100, Math.round(share * 100)),
    remainingMinor: Math.max(0, limitMinor - spentMinor),
    overMinor: Math.max(0, spentMinor - limitMinor),
    tone,
  };
}
