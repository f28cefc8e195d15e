import { describe, expect, it } from 'vitest';
import { decisionTarget, nextAfterApproval, reversalTarget, type DecidableStep } from './decisions';
import type { ApprovalStepStatus } from './evaluate';

const ANN = { membershipId: 'ann', name: 'Ann' };
const BOB = { membershipId: 'bob', name: 'Bob' };
const STAND_IN = { membershipId: 'sam', name: 'Sam', onBehalfOf: { membershipId: 'ann', name: 'Ann' } };
const EARLY = new Date('2026-11-23T10:42:00Z');
const LATE = new Date('2026-11-24T08:05:00Z');

function step(id: string, status: ApprovalStepStatus, extra: Partial<DecidableStep> = {}): DecidableStep {
  return { id, tier: 1, status, authorizers: [ANN], ...extra };
}

describe('decisionTarget', () => {
  it.each<[string, string, boolean, DecidableStep[], ReturnType<typeof decisionTarget>]>([
    [
      'refuses someone who is no authorizer of the order',
      'bob',
      true,
      [step('s1', 'pending')],
      { ok: false, code: 'forbidden', message: 'You are not an authorizer of this order.' },
    ],
    [
      'settles every pending step of the member at once',
      'ann',
      true,
      [step('s1', 'pending'), step('s2', 'pending'), step('s3', 'pending', { authorizers: [BOB] })],
      { ok: true, stepIds: ['s1', 's2'], onBehalfOf: null },
    ],
    [
      'says on whose behalf a stand-in decides',
      'sam',
      true,
      [step('s1', 'pending', { authorizers: [ANN, STAND_IN] })],
      { ok: true, stepIds: ['s1'], onBehalfOf: { membershipId: 'ann', name: 'Ann' } },
    ],
    [
      'names the latest decision the member lost a race to',
      'ann',
      true,
      [
        step('s1', 'approved', { decidedByName: 'Bob', decidedAt: EARLY }),
        step('s2', 'declined', { decidedByName: 'Cy', decidedAt: LATE }),
      ],
      { ok: false, code: 'conflict', message: 'Already declined by Cy at Nov 24, 2026, 8:05 AM UTC.' },
    ],
    [
      'says "another authorizer" when the decider is unknown',
      'ann',
      true,
      [step('s1', 'approved', { decidedByName: null, decidedAt: EARLY })],
      { ok: false, code: 'conflict', message: 'Already approved by another authorizer at Nov 23, 2026, 10:42 AM UTC.' },
    ],
    [
      'a pending step of an order no longer pending is not decidable: the decision wins',
      'ann',
      false,
      [step('s1', 'pending'), step('s2', 'approved', { decidedByName: 'Bob', decidedAt: EARLY })],
      { ok: false, code: 'conflict', message: 'Already approved by Bob at Nov 23, 2026, 10:42 AM UTC.' },
    ],
    [
      'a decided step without a time is not named',
      'ann',
      false,
      [step('s1', 'approved', { decidedByName: 'Bob', decidedAt: null })],
      { ok: false, code: 'conflict', message: 'This order no longer waits for a decision.' },
    ],
    [
      'a step of a later tier waits for the earlier one',
      'ann',
      true,
      [step('s1', 'waiting', { tier: 2 })],
      {
        ok: false,
        code: 'conflict',
        message: 'This order is waiting for an earlier approval; you can decide once it is given.',
      },
    ],
    [
      'a waiting step of an order no longer pending is over',
      'ann',
      false,
      [step('s1', 'waiting', { tier: 2 })],
      { ok: false, code: 'conflict', message: 'This order no longer waits for a decision.' },
    ],
    [
      'a void step is over',
      'ann',
      true,
      [step('s1', 'void')],
      { ok: false, code: 'conflict', message: 'This order no longer waits for a decision.' },
    ],
  ])('%s', (_, membershipId, orderIsPending, steps, expected) => {
    expect(decisionTarget(membershipId, orderIsPending, steps, 'UTC')).toEqual(expected);
  });

  it('names the time of the lost race in the reader’s zone', () => {
    const steps = [step('s1', 'approved', { decidedByName: 'Bob', decidedAt: EARLY })];
    expect(decisionTarget('ann', true, steps, 'America/Los_Angeles')).toEqual({
      ok: false,
      code: 'conflict',
      message: 'Already approved by Bob at Nov 23, 2026, 2:42 AM PST.',
    });
    expect(decisionTarget('ann', true, steps, 'Asia/Tokyo')).toMatchObject({
      message: 'Already approved by Bob at Nov 23, 2026, 7:42 PM GMT+9.',
    });
  });
});

describe('nextAfterApproval', () => {
  it.each<[string, { tier: number; status: ApprovalStepStatus }[], ReturnType<typeof nextAfterApproval>]>([
    [
      'waits while a step is pending',
      [
        { tier: 1, status: 'pending' },
        { tier: 2, status: 'waiting' },
      ],
      { kind: 'wait' },
    ],
    [
      'activates the lowest waiting tier',
      [
        { tier: 1, status: 'approved' },
        { tier: 3, status: 'waiting' },
        { tier: 2, status: 'waiting' },
      ],
      { kind: 'activate', tier: 2 },
    ],
    [
      'is approved when nothing waits',
      [
        { tier: 1, status: 'approved' },
        { tier: 2, status: 'approved' },
      ],
      { kind: 'approved' },
    ],
    ['is approved with no steps', [], { kind: 'approved' }],
  ])('%s', (_, steps, expected) => {
    expect(nextAfterApproval(steps)).toEqual(expected);
  });
});

describe('reversalTarget', () => {
  type Step = DecidableStep & { decidedByMembershipId?: string | null };
  const decided = (id: string, status: ApprovalStepStatus, by: string | null, at: Date | null, tier = 1): Step => ({
    ...step(id, status, { decidedAt: at, tier }),
    decidedByMembershipId: by,
  });

  it.each<[string, string, Step[], ReturnType<typeof reversalTarget>]>([
    [
      'refuses a member with no decision on the order',
      'pending_approval',
      [decided('s1', 'approved', 'bob', EARLY), decided('s2', 'pending', null, null)],
      { ok: false, code: 'forbidden', message: 'You have no decision on this order to cancel.' },
    ],
    [
      'a pending or void step decided by nobody is no decision',
      'pending_approval',
      [decided('s1', 'void', 'ann', EARLY)],
      { ok: false, code: 'forbidden', message: 'You have no decision on this order to cancel.' },
    ],
    [
      'reverses the latest decision of the member',
      'payment_authorized',
      [decided('s1', 'approved', 'ann', EARLY, 1), decided('s2', 'approved', 'ann', LATE, 2)],
      { ok: true, stepId: 's2', tier: 2 },
    ],
    ['reverses a decline', 'declined', [decided('s1', 'declined', 'ann', EARLY)], { ok: true, stepId: 's1', tier: 1 }],
    ...(['pending_approval', 'payment_review', 'backordered'] as const).map(
      (status): [string, string, Step[], ReturnType<typeof reversalTarget>] => [
        `reverses while the order is ${status}`,
        status,
        [decided('s1', 'approved', 'ann', EARLY)],
        { ok: true, stepId: 's1', tier: 1 },
      ],
    ),
    ...(['released', 'shipped', 'deposited', 'canceled'] as const).map(
      (status): [string, string, Step[], ReturnType<typeof reversalTarget>] => [
        `refuses once the order is ${status}`,
        status,
        [decided('s1', 'approved', 'ann', EARLY)],
        {
          ok: false,
          code: 'conflict',
          message: 'The order is already with fulfillment (or canceled); its approval can no longer be reversed.',
        },
      ],
    ),
  ])('%s', (_, orderStatus, steps, expected) => {
    expect(reversalTarget('ann', orderStatus, steps)).toEqual(expected);
  });
});
