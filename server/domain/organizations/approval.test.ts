import { describe, expect, it } from 'vitest';
import { approvalBlockers, isCurrentContract } from './approval';

const ready = {
  status: 'pending_approval' as const,
  adminEmailVerified: true,
  hasAccount: true,
  contracts: [{ validFrom: '2026-01-01', validTo: null }],
  today: '2026-11-23',
};

describe('approvalBlockers', () => {
  it('has nothing to say about a verified registration with an account and a current contract', () => {
    expect(approvalBlockers(ready)).toEqual([]);
  });

  it('names every missing piece', () => {
    const blockers = approvalBlockers({ ...ready, adminEmailVerified: false, hasAccount: false, contracts: [] });
    expect(blockers).toHaveLength(3);
    expect(blockers.join(' ')).toMatch(/confirmed their email.*account is not set up.*no current contract/s);
  });

  it('does not count a contract that has ended or not yet started', () => {
    const contracts = [
      { validFrom: '2025-01-01', validTo: '2026-11-22' },
      { validFrom: '2026-11-24', validTo: null },
    ];
    expect(approvalBlockers({ ...ready, contracts })).toEqual([
      'There is no current contract: add one that is valid today.',
    ]);
  });

  it('refuses what is not waiting for approval, such as an approved organization', () => {
    expect(approvalBlockers({ ...ready, status: 'active' })).toEqual([
      'This organization is active, not waiting for approval.',
    ]);
  });
});

it('counts a contract current on its first and last day', () => {
  expect(isCurrentContract({ validFrom: '2026-11-23', validTo: '2026-11-23' }, '2026-11-23')).toBe(true);
});
