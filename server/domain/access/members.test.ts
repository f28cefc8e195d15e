import { describe, expect, it } from 'vitest';
import { lastAccountManagerProblem, memberStatus, shopAccountRoleFor } from './members';

describe('memberStatus', () => {
  it.each([
    [{ membershipStatus: 'active', activated: true, userStatus: 'active' }, 'active'],
    [{ membershipStatus: 'active', activated: true, userStatus: 'invited' }, 'invited'],
    [{ membershipStatus: 'active', activated: false, userStatus: 'active' }, 'deactivated'],
    [{ membershipStatus: 'active', activated: true, userStatus: 'deactivated' }, 'deactivated'],
    [{ membershipStatus: 'pending', activated: true, userStatus: 'invited' }, 'pending'],
    [{ membershipStatus: 'rejected', activated: true, userStatus: 'invited' }, 'declined'],
  ] as const)('%o is %s', (input, status) => {
    expect(memberStatus(input)).toBe(status);
  });
});

describe('lastAccountManagerProblem', () => {
  const base = {
    organizationName: 'Northwind',
    memberName: 'Alice',
    isAccountManagerNow: true,
    isAccountManagerAfter: false,
    otherActiveAccountManagers: 0,
  };

  it('refuses taking the role or the activation from the last account manager', () => {
    expect(lastAccountManagerProblem(base)).toBe(
      'Alice is the last active account manager of Northwind. Make someone else account manager first.',
    );
  });

  it('allows it when another active account manager remains, or when nothing is taken', () => {
    expect(lastAccountManagerProblem({ ...base, otherActiveAccountManagers: 1 })).toBeNull();
    expect(lastAccountManagerProblem({ ...base, isAccountManagerAfter: true })).toBeNull();
    expect(lastAccountManagerProblem({ ...base, isAccountManagerNow: false })).toBeNull();
  });
});

it('makes the shop-account role follow the account manager role', () => {
  expect(shopAccountRoleFor(['buyer', 'account_manager'])).toBe('account_manager');
  expect(shopAccountRoleFor(['buyer', null])).toBe('sub_account');
});
