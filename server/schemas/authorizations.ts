import { z } from 'zod';
import { BULK_APPROVAL_MAX } from '@/server/domain/approvals/bulk';
import { INBOX_STATES } from '@/server/domain/approvals/evaluate';
import { HAND_ON_NOTE_MAX } from '@/server/domain/approvals/hand-on';
import { THREAD_TEXT_MAX } from '@/server/domain/approvals/questions';

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
  /** Only orders with a question to the requester still unanswered. */
  questions: z.boolean().optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type InboxInput = z.infer<typeof inboxSchema>;

export const approveManySchema = z.object({
  numbers: z
    .array(number)
    .min(1, 'Select at least one order.')
    .max(BULK_APPROVAL_MAX, `Approve at most ${BULK_APPROVAL_MAX} orders at once.`),
  feedback: z.string().trim().max(2000, 'A comment has at most 2,000 characters.').optional(),
});
export type ApproveManyInput = z.infer<typeof approveManySchema>;

export const handOnSchema = z.object({
  number,
  toMembershipId: z.uuid('Choose who takes your place.'),
  note: z
    .string()
    .trim()
    .min(1, 'Say why you hand it on, for the history and for them.')
    .max(HAND_ON_NOTE_MAX, `A note has at most ${HAND_ON_NOTE_MAX} characters.`),
});
export type HandOnInput = z.infer<typeof handOnSchema>;

const threadText = (what: string) =>
  z.string().trim().min(1, `Write your ${what}.`).max(THREAD_TEXT_MAX, `A ${what} has at most 2,000 characters.`);
export const askQuestionSchema = z.object({ number, question: threadText('question') });
export const answerQuestionSchema = z.object({ number, answer: threadText('answer') });
export type AskQuestionInput = z.infer<typeof askQuestionSchema>;
export type AnswerQuestionInput = z.infer<typeof answerQuestionSchema>;
