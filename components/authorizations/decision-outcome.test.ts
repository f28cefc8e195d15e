import { describe, expect, it } from 'vitest';
import { decisionOutcome } from './decision-outcome';

describe('the message after a decision', () => {
  it('says where an approved order goes next', () => {
    expect(decisionOutcome({ number: 'CS-1', status: 'pending_approval', decision: 'approved' }, 'Rob')).toBe(
      'You approved order CS-1. It still needs other approvals; their authorizers are emailed when their turn comes.',
    );
    expect(decisionOutcome({ number: 'CS-1', status: 'payment_authorized', decision: 'approved' }, 'Rob')).toBe(
      'You approved order CS-1. It is confirmed and goes on to shipping. The requester is emailed.',
    );
    expect(decisionOutcome({ number: 'CS-1', status: 'backordered', decision: 'approved' }, 'Rob')).toContain(
      'not in stock yet',
    );
    expect(decisionOutcome({ number: 'CS-1', status: 'payment_review', decision: 'approved' }, 'Rob')).toContain(
      'reviews its payment',
    );
  });

  it('tells the authorizer that the requester reads the feedback of a decline', () => {
    expect(decisionOutcome({ number: 'CS-1', status: 'declined', decision: 'declined' }, 'Rob Requester')).toBe(
      'You declined order CS-1. Rob Requester is emailed your feedback and can change the order and submit it again.',
    );
  });
});
