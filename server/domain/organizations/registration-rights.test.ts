import { describe, expect, it } from 'vitest';
import type { Permission } from '../access/permissions';
import { registrationMay, type RegistrationMay } from './registration-rights';

const caller = (...permissions: Permission[]) => ({ membershipId: 'me', permissions: new Set(permissions) });

const administrator = caller(
  'staff.registrations.view',
  'staff.registrations.decide',
  'staff.accounts.setup',
  'staff.accounts.setup.any',
  'staff.organizations.suspend',
);
const representative = caller('staff.registrations.view', 'staff.accounts.setup');
const setsUpAnyWithoutSetUp = caller('staff.registrations.view', 'staff.accounts.setup.any');
const suspender = caller('staff.registrations.view', 'staff.organizations.suspend');
const viewer = caller('staff.registrations.view');

const assignedToMe = { accountRepMembershipId: 'me' };
const assignedToOther = { accountRepMembershipId: 'colleague' };
const unassigned = { accountRepMembershipId: null };
const none: RegistrationMay = { decide: false, setUp: false, suspend: false };

describe('registrationMay', () => {
  it.each([
    ['an administrator, unassigned', administrator, unassigned, { decide: true, setUp: true, suspend: true }],
    [
      'an administrator, assigned to another',
      administrator,
      assignedToOther,
      { decide: true, setUp: true, suspend: true },
    ],
    ['the assigned representative', representative, assignedToMe, { ...none, setUp: true }],
    ['a representative, assigned to another', representative, assignedToOther, none],
    ['a representative, unassigned', representative, unassigned, none],
    ['"any" without set-up itself', setsUpAnyWithoutSetUp, assignedToMe, none],
    ['a suspender', suspender, assignedToMe, { ...none, suspend: true }],
    ['a viewer, even if assigned', viewer, assignedToMe, none],
  ] as const)('%s', (_case, actor, organization, expected) => {
    expect(registrationMay(actor, organization)).toEqual(expected);
  });
});
