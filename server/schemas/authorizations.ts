import { z } from 'zod';
import { INBOX_STATES } from '@/server/domain/approvals/evaluate';

const number = z.string().trim().min(1, 'Enter an order number.').max(20, 'An order number has at most 20 characters.');
const feedback = z.string().trim().max(1000, 'Feedback has at most 1,000 characters.');

export const approveSchema = z.object({ number, feedback: feedback.optional() });
export const declineSchema = z.object({ number, feedback: feedback.min(1, 'Tell the requester why you decline.') });
export const authorizationOrderSchema = z.object({ number });

export const inboxSchema = z.object({
  state: z.enum(INBOX_STATES).default('pending'),
  search: z.string().trim().max(40).optional(),
  requesterMembershipId: z.uuid().optional(),
  from: z.iso.date('Use a date like 2026-11-01.').optional(),
  to: z.iso.date('Use a date like 2026-11-30.').optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type InboxInput = z.infer<typeof inboxSchema>;
