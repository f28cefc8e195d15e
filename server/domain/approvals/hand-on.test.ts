import { describe, expect, it } from 'vitest';
import { eligibleReceivers, handedOnAuthorizers, handOnMessage, handOnRefusal, type HandOnCandidate } from './hand-on';

const context = {
  organizationId: 'org-a',
  requesterMembershipId: 'rob',
  giverMembershipId: 'paula',
  stepAuthorizerIds: ['paula', 'ben'],
};
const dana: HandOnCandidate = {
  membershipId: 'dana',
  name: 'Dana',
  organizationId: 'org-a',
  active: true,
  mayAuthorizeOrders: true,
  approveReachesOrder: true,
};

describe('who may receive a handed-on step', () => {
  it.each<[string, Partial<HandOnCandidate>, string | null]>([
    ['an active authorizer of the organization whose approval reaches the order', {}, null],
    ['a member of another organization', { organizationId: 'org-b' }, 'Choose a member of your organization.'],
    ['the giver', { membershipId: 'paula' }, 'You already hold this step: choose someone else.'],
    ['the requester', { membershipId: 'rob' }, 'Dana placed this order, and nobody approves their own order.'],
    ['a deactivated member', { active: false }, 'Dana is not an active member.'],
    ['a member without "may authorize orders"', { mayAuthorizeOrders: false }, 'Dana may not authorize orders.'],
    [
      'a member whose approval does not reach the order',
      { approveReachesOrder: false },
      'Dana has no permission to approve orders of this requester.',
    ],
    ['an authorizer already on the step', { membershipId: 'ben' }, 'Dana is already an authorizer of this step.'],
    // Another organization is said first, and says nothing about the person.
    [
      'an inactive member of another organization',
      { organizationId: 'org-b', active: false },
      'Choose a member of your organization.',
    ],
  ])('%s', (_, change, expected) => {
    expect(handOnRefusal({ ...dana, ...change }, context)).toBe(expected);
  });

  it('offers only those who may receive it, in the order given', () => {
    const people = [
      { ...dana, membershipId: 'ann', name: 'Ann' },
      { ...dana, membershipId: 'ben', name: 'Ben' },
      { ...dana, membershipId: 'cat', name: 'Cat', active: false },
      dana,
    ];
    expect(eligibleReceivers(people, context).map((person) => person.name)).toEqual(['Ann', 'Dana']);
  });
});

describe('the step after handing on', () => {
  it('drops the giver and their stand-in, keeps the others, adds the receiver in their own name', () => {
    const authorizers = [
      { membershipId: 'ben', name: 'Ben' },
      { membershipId: 'paula', name: 'Paula' },
      { membershipId: 'sam', name: 'Sam', onBehalfOf: { membershipId: 'paula', name: 'Paula' } },
      { membershipId: 'tia', name: 'Tia', onBehalfOf: { membershipId: 'ben', name: 'Ben' } },
    ];
    expect(handedOnAuthorizers(authorizers, 'paula', { membershipId: 'dana', name: 'Dana' })).toEqual([
      { membershipId: 'ben', name: 'Ben' },
      { membershipId: 'tia', name: 'Tia', onBehalfOf: { membershipId: 'ben', name: 'Ben' } },
      { membershipId: 'dana', name: 'Dana' },
    ]);
  });

  it.each([
    ['on leave until Monday', 'Paula handed this to Dana: on leave until Monday'],
    ['  trimmed  ', 'Paula handed this to Dana: trimmed'],
    ['', 'Paula handed this to Dana.'],
  ])('the history says %j as %j', (note, line) => {
    expect(handOnMessage('Paula', 'Dana', note)).toBe(line);
  });
});
