import { describe, expect, it } from 'vitest';
import { bulkResult, distinctNumbers, type BulkOutcome } from './bulk';

const at = new Date('2026-11-23T10:42:00Z');

describe('how a bulk approval result is shaped', () => {
  it.each<[string, BulkOutcome[], string, string[]]>([
    [
      'all approved, fully or waiting for another step',
      [
        { number: 'CS-1', kind: 'approved', fullyApproved: true },
        { number: 'CS-2', kind: 'approved', fullyApproved: false },
      ],
      '2 orders approved',
      ['CS-1 Approved: fully approved, it goes on.', 'CS-2 Approved: it waits for another approval.'],
    ],
    [
      'one already decided by someone else, one refused: listed after the approved, in the order selected',
      [
        { number: 'CS-3', kind: 'refused', reason: 'This order is waiting for an earlier approval.' },
        { number: 'CS-1', kind: 'already_decided', decision: 'approved', by: 'Ben Approver', at },
        { number: 'CS-2', kind: 'approved', fullyApproved: true },
      ],
      '1 order approved, 1 already decided, 1 not approved',
      [
        'CS-2 Approved: fully approved, it goes on.',
        'CS-1 Already approved by Ben Approver at Nov 23, 2026, 10:42 AM UTC.',
        'CS-3 Not approved: This order is waiting for an earlier approval.',
      ],
    ],
    [
      'nothing approved',
      [{ number: 'CS-9', kind: 'already_decided', decision: 'declined', by: 'you', at }],
      '0 orders approved, 1 already decided',
      ['CS-9 Already declined by you at Nov 23, 2026, 10:42 AM UTC.'],
    ],
  ])('%s', (_, outcomes, heading, lines) => {
    const result = bulkResult(outcomes, 'UTC');
    expect(result.heading).toBe(heading);
    expect(result.lines.map((line) => `${line.number} ${line.text}`)).toEqual(lines);
    expect(result.counts.approved + result.counts.alreadyDecided + result.counts.refused).toBe(outcomes.length);
  });

  it('says when in the reader’s zone', () => {
    const result = bulkResult(
      [{ number: 'CS-1', kind: 'already_decided', decision: 'approved', by: 'Ben', at }],
      'America/New_York',
    );
    expect(result.lines[0]?.text).toBe('Already approved by Ben at Nov 23, 2026, 5:42 AM EST.');
  });

  it('decides each order once, in the order selected', () => {
    expect(distinctNumbers([' CS-2', 'CS-1', 'CS-2', ''])).toEqual(['CS-2', 'CS-1']);
  });
});
