import { describe, expect, it } from 'vitest';
import { membershipAccess } from './membership-access';

const base = {
  activated: true,
  status: 'active' as const,
  organizationName: 'Northwind Traders',
  organizationStatus: 'active' as const,
  erpLink: null,
};

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

  it('keeps a person whose join request waits or was declined out, and says which', () => {
    expect(membershipAccess({ ...base, status: 'pending' })).toEqual({
      ok: false,
      reason: "Your request to join Northwind Traders is waiting for its administrator's approval.",
    });
    expect(membershipAccess({ ...base, status: 'rejected' })).toEqual({
      ok: false,
      reason: 'Your request to join Northwind Traders was declined.',
    });
  });

  it('refuses an ERP-linked member whose contact was removed or whose customer was excluded', () => {
    expect(membershipAccess({ ...base, erpLink: 'ok' })).toEqual({ ok: true });
    expect(membershipAccess({ ...base, erpLink: 'contact_removed' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no longer a contact of Northwind Traders'),
    });
    expect(membershipAccess({ ...base, erpLink: 'customer_excluded' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('can no longer be used online'),
    });
  });
});
