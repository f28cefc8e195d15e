import { describe, expect, it } from 'vitest';
import { membershipAccess } from './membership-access';

const base = { activated: true, organizationName: 'Northwind Traders', organizationStatus: 'active' as const };

describe('membershipAccess', () => {
  it('lets an activated member of an active organization in', () => {
    expect(membershipAccess(base)).toEqual({ ok: true });
  });

  it('tells a deactivated member to ask the administrator, even in an active organization', () => {
    expect(membershipAccess({ ...base, activated: false })).toEqual({
      ok: false,
      reason: 'Your access to Northwind Traders has been deactivated. Ask its administrator.',
    });
  });

  it.each([
    ['suspended', 'Northwind Traders is suspended. Contact us to have it reactivated.'],
    ['pending_approval', 'Northwind Traders is waiting for approval. We will email you when it is approved.'],
    ['rejected', 'The registration of Northwind Traders was not approved.'],
  ] as const)('explains a %s organization', (organizationStatus, reason) => {
    expect(membershipAccess({ ...base, organizationStatus })).toEqual({ ok: false, reason });
  });
});
