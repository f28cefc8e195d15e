/** The first steps of a new buyer administrator (WebSphere's "Buyer Administrator" step 7). */
export type ChecklistInput = { unitCount: number; memberCount: number; spendingLimitCount: number };
export type ChecklistItem = { key: 'units' | 'buyers' | 'limits'; label: string; done: boolean };

export function gettingStartedChecklist(input: ChecklistInput): ChecklistItem[] {
  return [
    { key: 'units', label: 'Create your departments and branches', done: input.unitCount > 0 },
    {
      key: 'buyers',
      label: 'Add your buyers, or share your invitation code so they can ask to join',
      done: input.memberCount > 1,
    },
    {
      key: 'limits',
      label: 'Set spending limits for buyers with a limited budget',
      done: input.spendingLimitCount > 0,
    },
  ];
}
