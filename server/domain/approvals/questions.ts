/**
 * Asking the requester: an authorizer of a pending step asks, the requester answers on the order
 * page, everyone concerned reads the thread. A question decides nothing. Pure.
 */

export const THREAD_ROLES = ['authorizer', 'requester'] as const;
export type ThreadRole = (typeof THREAD_ROLES)[number];

/** The longest question or answer. */
export const THREAD_TEXT_MAX = 2_000;

/** A question as the rules see it: whether it is answered, and whether its step still waits for a decision. */
export type QuestionState = { answeredAt: Date | null; stepPending: boolean };

/**
 * Whether the order waits for the requester's answer: some question on a step that still waits
 * for a decision is unanswered. A question on a step decided meanwhile no longer holds anything up.
 */
export function awaitsAnswer(orderIsPending: boolean, questions: readonly QuestionState[]): boolean {
  return orderIsPending && questions.some((question) => question.answeredAt === null && question.stepPending);
}

export type AnswerRefusal = { code: 'forbidden' | 'conflict'; message: string };

/**
 * Why this member may not answer on the order, or null when they may: only its requester, only
 * while it waits for approval, and only once somebody asked. An answer after the question was
 * answered is kept too (a second thought, or two answers sent at once).
 */
export function answerRefusal(
  viewerIsRequester: boolean,
  orderIsPending: boolean,
  questionCount: number,
): AnswerRefusal | null {
  if (!viewerIsRequester)
    return { code: 'forbidden', message: 'Only the person who placed the order answers its questions.' };
  if (!orderIsPending)
    return { code: 'conflict', message: 'This order no longer waits for approval, so there is nothing to answer.' };
  if (questionCount === 0) return { code: 'conflict', message: 'Nobody has asked a question about this order.' };
  return null;
}
