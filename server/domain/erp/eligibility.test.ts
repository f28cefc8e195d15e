import { describe, expect, it } from 'vitest';
import {
  decideInstantAccount,
  INSTANT_ACCOUNT_MESSAGES,
  instantCustomerAccount,
  instantMembershipTerms,
  staffCreationProblem,
  type ContactCustomer,
} from './eligibility';

const customer = (overrides: Partial<ContactCustomer> = {}): ContactCustomer => ({
  code: 'C1',
  name: 'Acme',
  isCashAccount: false,
  excluded: false,
  currency: null,
  creditLimitMinor: null,
  paymentTerms: null,
  ...overrides,
});

describe('decideInstantAccount', () => {
  it('gives an account for every eligible customer and leaves out the others', () => {
    const cash = customer({ code: 'CASH', isCashAccount: true });
    const excluded = customer({ code: 'X', excluded: true });
    const good = customer({ code: 'C2' });
    expect(decideInstantAccount([cash, good, excluded])).toEqual({ kind: 'eligible', customers: [good] });
  });

  it('refuses an unknown email, the cash account and an excluded customer, each with its message', () => {
    expect(decideInstantAccount([])).toEqual({
      kind: 'refused',
      reason: 'no_contact',
      message: INSTANT_ACCOUNT_MESSAGES.noContact,
    });
    expect(decideInstantAccount([customer({ isCashAccount: true })])).toMatchObject({
      reason: 'cash_account',
      message: INSTANT_ACCOUNT_MESSAGES.cashAccount,
    });
    expect(decideInstantAccount([customer({ excluded: true })])).toMatchObject({
      reason: 'excluded',
      message: INSTANT_ACCOUNT_MESSAGES.excluded,
    });
  });

  it('tells staff why a contact cannot get an account', () => {
    expect(staffCreationProblem(customer({ code: 'CASH', name: 'Walk-in', isCashAccount: true }))).toContain(
      'CASH Walk-in is the cash account',
    );
    expect(staffCreationProblem(customer({ excluded: true }))).toContain('is on the excluded list');
    expect(staffCreationProblem(customer())).toBeNull();
  });
});

describe('terms of a new instant account', () => {
  it('makes the first person of a new organization its account manager, later ones buyers', () => {
    expect(instantMembershipTerms(true)).toEqual({
      roleKey: 'account_manager',
      shopAccountRole: 'account_manager',
      mayOrder: true,
      mayAuthorizeOrders: true,
    });
    expect(instantMembershipTerms(false)).toEqual({
      roleKey: 'buyer',
      shopAccountRole: 'sub_account',
      mayOrder: true,
      mayAuthorizeOrders: false,
    });
  });

  it("takes the ERP's currency, credit limit and terms, else defaults", () => {
    expect(instantCustomerAccount(customer())).toEqual({
      currency: 'USD',
      creditLimitMinor: 0,
      paymentTerms: 'NET 30',
      paymentMethods: ['card'],
    });
    expect(
      instantCustomerAccount(customer({ currency: 'EUR', creditLimitMinor: 500_000, paymentTerms: 'NET 60' })),
    ).toMatchObject({
      currency: 'EUR',
      creditLimitMinor: 500_000,
      paymentTerms: 'NET 60',
    });
  });
});
