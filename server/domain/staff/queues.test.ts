import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../access/permissions';
import { queueEmphasis, STAFF_QUEUES } from './queues';

describe('queueEmphasis', () => {
  it.each([
    [0, 'work', 'calm'],
    [0, 'problem', 'calm'],
    [1, 'work', 'attention'],
    [12, 'work', 'attention'],
    [1, 'problem', 'alarm'],
  ] as const)('%i in a %s queue is %s', (count, urgency, emphasis) => {
    expect(queueEmphasis(count, urgency)).toBe(emphasis);
  });
});

describe('STAFF_QUEUES', () => {
  it('links every queue to a staff list and gates it by a seller permission', () => {
    for (const queue of STAFF_QUEUES) {
      expect(queue.href).toMatch(/^\/staff\//);
      expect(PERMISSIONS[queue.permission].side).toBe('seller');
    }
    expect(new Set(STAFF_QUEUES.map((queue) => queue.key)).size).toBe(STAFF_QUEUES.length);
  });
});
