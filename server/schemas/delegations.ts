import { z } from 'zod';

/** Out of office: who stands in, from the first to the last day away (UTC days, inclusive). */
export const setDelegationSchema = z.object({
  delegateMembershipId: z.uuid('Choose who stands in for you.'),
  startsAt: z.iso.date('Enter the first day you are away, like 2026-12-01.'),
  endsAt: z.iso.date('Enter the last day you are away, like 2026-12-05.'),
});
export type SetDelegationInput = z.infer<typeof setDelegationSchema>;
