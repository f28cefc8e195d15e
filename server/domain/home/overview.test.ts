import { describe, expect, it } from 'vitest';
import type { Permission } from '../access/permissions';
import { homeSections, spendMeter } from './overview';

const of = (...permissions: Permission[]) => new Set(permissions);

describe('homeSections', () => {
  it.each([
    {
      who: 'a buyer who may see prices',
      permissions: of('orders.place', 'orders.view', 'prices.view'),
      limited: false,
      expected: {
        cart: true,
        recentOrders: true,
        reorder: true,
        prices: true,
        spend: true,
        limits: false,
        waiting: false,
        people: false,
      },
    },
    {
      who: 'a buyer without May see prices',
      permissions: of('orders.place', 'orders.view'),
      limited: true,
      expected: {
        cart: true,
        recentOrders: true,
        reorder: true,
        prices: false,
        spend: false,
        limits: false,
        waiting: false,
        people: false,
      },
    },
    {
      who: 'a buyer with a limited budget',
      permissions: of('orders.place', 'orders.view', 'prices.view'),
      limited: true,
      expected: {
        cart: true,
        recentOrders: true,
        reorder: true,
        prices: true,
        spend: true,
        limits: true,
        waiting: false,
        people: false,
      },
    },
    {
      who: 'an authorizer who does not order',
      permissions: of('orders.approve', 'orders.view', 'prices.view'),
      limited: false,
      expected: {
        cart: false,
        recentOrders: true,
        reorder: false,
        prices: true,
        spend: false,
        limits: false,
        waiting: true,
        people: false,
      },
    },
    {
      who: 'an account manager',
      permissions: of('org.users.manage', 'orders.view'),
      limited: false,
      expected: {
        cart: false,
        recentOrders: true,
        reorder: false,
        prices: false,
        spend: false,
        limits: false,
        waiting: false,
        people: true,
      },
    },
    {
      who: 'a member with no permission',
      permissions: of(),
      limited: true,
      expected: {
        cart: false,
        recentOrders: false,
        reorder: false,
        prices: false,
        spend: false,
        limits: false,
        waiting: false,
        people: false,
      },
    },
  ])('shows $who what they may use', ({ permissions, limited, expected }) => {
    expect(homeSections({ permissions, hasLimitedBudget: limited })).toMatchObject(expected);
  });

  it('offers templates exactly to those who may order', () => {
    expect(homeSections({ permissions: of('orders.place'), hasLimitedBudget: false }).templates).toBe(true);
    expect(homeSections({ permissions: of('orders.view'), hasLimitedBudget: false }).templates).toBe(false);
  });
});

describe('spendMeter', () => {
  it.each([
    { spent: 0, limit: 100_000, percent: 0, remaining: 100_000, over: 0, tone: 'good' },
    { spent: 79_999, limit: 100_000, percent: 80, remaining: 20_001, over: 0, tone: 'good' },
    { spent: 80_000, limit: 100_000, percent: 80, remaining: 20_000, over: 0, tone: 'warn' },
    { spent: 100_000, limit: 100_000, percent: 100, remaining: 0, over: 0, tone: 'warn' },
    { spent: 150_000, limit: 100_000, percent: 100, remaining: 0, over: 50_000, tone: 'bad' },
    { spent: 0, limit: 0, percent: 0, remaining: 0, over: 0, tone: 'good' },
    { spent: 1, limit: 0, percent: 100, remaining: 0, over: 1, tone: 'bad' },
  ])('$spent of $limit reads $percent % ($tone)', ({ spent, limit, percent, remaining, over, tone }) => {
    expect(spendMeter(spent, limit)).toEqual({ percent, remainingMinor: remaining, overMinor: over, tone });
  });
});
