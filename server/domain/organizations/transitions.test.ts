import { describe, expect, it } from 'vitest';
import { ORGANIZATION_STATUSES } from './status';
import { organizationTransition, type OrganizationAction } from './transitions';

const ALLOWED: Record<OrganizationAction, string> = {
  approve: 'pending_approval→active',
  reject: 'pending_approval→rejected',
  suspend: 'active→suspended',
  reactivate: 'suspended→active',
};

describe('organizationTransition', () => {
  for (const action of Object.keys(ALLOWED) as OrganizationAction[]) {
    for (const status of ORGANIZATION_STATUSES) {
      const [from, to] = ALLOWED[action].split('→');
      it(`${action} from ${status} is ${status === from ? `allowed, to ${to}` : 'refused'}`, () => {
        const result = organizationTransition(status, action);
        if (status === from) expect(result).toEqual({ ok: true, to });
        else expect(result).toMatchObject({ ok: false, message: expect.stringContaining(`cannot ${action}`) });
      });
    }
  }

  it('says who decided when the action was already done', () => {
    expect(
      organizationTransition('active', 'approve', { by: 'Sofia Seller', at: 'Nov 23, 2026, 10:42 AM UTC' }),
    ).toEqual({
      ok: false,
      message:
        'You cannot approve an organization that is active. Sofia Seller already approved it on Nov 23, 2026, 10:42 AM UTC.',
    });
  });
});
