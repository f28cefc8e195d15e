import { expect, it } from 'vitest';
import { gettingStartedChecklist } from './checklist';

it('starts with nothing done for a new organization of one administrator', () => {
  expect(
    gettingStartedChecklist({ unitCount: 0, memberCount: 1, spendingLimitCount: 0 }).map((item) => item.done),
  ).toEqual([false, false, false]);
});

it('ticks off units and buyers as they appear', () => {
  const items = gettingStartedChecklist({ unitCount: 2, memberCount: 3, spendingLimitCount: 0 });
  expect(items.filter((item) => item.done).map((item) => item.key)).toEqual(['units', 'buyers']);
});
