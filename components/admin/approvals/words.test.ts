import { describe, expect, it } from 'vitest';
import {
  approvalInWords,
  approversInWords,
  audienceInWords,
  conditionsInWords,
  either,
  limitTiersInWords,
} from './words';

const people = (...names: string[]) => names.map((name) => ({ name }));

describe('limits in words', () => {
  it('reads the tiers as the administrator set them, lowest first', () => {
    const entries = [
      { limitMinor: 500_000, period: 'order' as const, authorizers: people('Cat') },
      { limitMinor: 100_000, period: 'order' as const, authorizers: people('Ann', 'Ben') },
    ];
    expect(limitTiersInWords(entries, 'USD')).toBe(
      'Orders over $1,000.00 need Ann or Ben; over $5,000.00 then also Cat.',
    );
  });

  it('says when a limit counts the calendar month, and when there is none', () => {
    expect(limitTiersInWords([{ limitMinor: 30_000, period: 'month', authorizers: people('Paula') }], 'EUR')).toBe(
      'Orders over €300.00 in a calendar month need Paula.',
    );
    expect(limitTiersInWords([], 'USD')).toMatch(/^No spending limits yet/);
  });
});

describe('rules in words', () => {
  it('joins conditions with and, amounts as money and counts as numbers', () => {
    expect(
      conditionsInWords(
        [
          { field: 'order_total', comparator: '>', value: 1_000_000 },
          { field: 'item_quantity', comparator: '>=', value: 1_500 },
        ],
        'USD',
      ),
    ).toBe('Order total over $10,000.00 and item quantity at least 1,500');
  });

  it('names the audience and the approvers', () => {
    expect(audienceInWords({ kind: 'everyone', names: [] })).toBe('Everyone');
    expect(audienceInWords({ kind: 'units', names: ['Purchasing', 'Finance'] })).toBe(
      'Members of Purchasing or Finance and the units below',
    );
    expect(approversInWords({ kind: 'role', roleName: 'Purchasing manager', names: ['Paula'] })).toBe(
      'Purchasing manager (Paula)',
    );
    expect(approversInWords({ kind: 'members', roleName: null, names: ['Ann', 'Ben', 'Cat'] })).toBe('Ann, Ben or Cat');
    expect(either(['Ann', 'Ben'], 'and')).toBe('Ann and Ben');
  });
});

describe('the policy answer in words', () => {
  it('reads tiers in order, steps of one tier together', () => {
    const steps = [
      {
        tier: 1,
        label: 'Purchasing',
        escalated: null,
        authorizers: [
          { name: 'Alice', onBehalfOf: null },
          { name: 'Bob', onBehalfOf: null },
        ],
      },
      { tier: 2, label: 'Finance', escalated: null, authorizers: [{ name: 'Carol', onBehalfOf: null }] },
      { tier: 2, label: 'Legal', escalated: 'self' as const, authorizers: [{ name: 'Max', onBehalfOf: null }] },
    ];
    expect(approvalInWords(steps)).toBe(
      'Needs approval from Purchasing — Alice or Bob, then Finance — Carol and Legal — Max (account managers: the requester cannot approve their own order).',
    );
  });

  it('says when none is needed, and shows delegates', () => {
    expect(approvalInWords([])).toBe('No approval needed: the order goes straight on to payment and shipping.');
    expect(
      approvalInWords([
        { tier: 1, label: 'Big', escalated: null, authorizers: [{ name: 'Dana', onBehalfOf: 'Carol' }] },
      ]),
    ).toBe('Needs approval from Big — Dana (for Carol).');
  });
});
