import { and, asc, count, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { orderByNumber } from '@/db/queries/orders';
import {
  approvalInbox,
  approvalQuestions,
  approvalSteps,
  approvalThreadMessages,
  memberships,
  users,
  type ApprovalStepRow,
  type Order,
} from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { decisionTarget } from '@/server/domain/approvals/decisions';
import { answerRefusal, awaitsAnswer, type ThreadRole } from '@/server/domain/approvals/questions';
import { DomainError, notFound } from '@/server/domain/errors';
import { enqueueEmail } from '@/server/email/outbox';
import { appUrl } from '@/server/env';
import type { AnswerQuestionInput, AskQuestionInput } from '@/server/schemas/authorizations';
import { orderEmailSummaries } from '../orders/email-summary';
import { requesterEmail } from '../orders/notify';
import { recordOrderEvent } from '../orders/transition';
import { deciderNames, lockOrderByNumber } from './decisions';
import { lockSteps } from './steps';

/** The decision target of this member on the order's steps, with the deciders' names for a lost race. */
async function targetOf(tx: Executor, actor: Actor, order: Order, steps: readonly ApprovalStepRow[]) {
  const names = await deciderNames(tx, steps);
  return decisionTarget(
    actor.membershipId,
    order.status === 'pending_approval',
    steps.map((step) => ({ ...step, decidedByName: step.decidedByUserId ? names.get(step.decidedByUserId) : null })),
    actor.timeZone,
  );
}

/**
 * Appends to the order's thread; the caller holds the order's lock, so positions follow the order
 * of writing. The caller read its clock before it waited for that lock, so a writer that waited
 * may carry a time just before the message written ahead of it: the thread never goes back in time.
 */
async function appendMessage(
  tx: Executor,
  order: Order,
  actor: Actor,
  role: ThreadRole,
  body: string,
  now: Date,
): Promise<void> {
  const [last] = await tx
    .select({ position: max(approvalThreadMessages.position), at: max(approvalThreadMessages.at) })
    .from(approvalThreadMessages)
    .where(eq(approvalThreadMessages.orderId, order.id));
  await tx.insert(approvalThreadMessages).values({
    orderId: order.id,
    organizationId: order.organizationId,
    position: (last?.position ?? 0) + 1,
    membershipId: actor.membershipId,
    userId: actor.userId,
    role,
    body,
    at: last?.at && last.at > now ? last.at : now,
  });
}

/**
 * An authorizer of a pending step asks the requester a question. It decides nothing: the step
 * still waits, and the authorizer may approve or decline meanwhile. Until the requester answers,
 * the order shows it waits for the answer and the step is not reminded. The requester is emailed.
 */
export async function askQuestion(db: Database, actor: Actor, input: AskQuestionInput, now: Date) {
  return db.transaction(async (tx) => {
    const order = await lockOrderByNumber(tx, actor.organizationId, input.number);
    const steps = await lockSteps(tx, order.id);
    const target = await targetOf(tx, actor, order, steps);
    if (!target.ok) throw new DomainError(target.code, target.message);
    if (order.membershipId === actor.membershipId)
      throw new DomainError('forbidden', 'You placed this order: there is nobody to ask.');
    const open = await tx
      .select({ stepId: approvalQuestions.stepId })
      .from(approvalQuestions)
      .where(and(inArray(approvalQuestions.stepId, target.stepIds), isNull(approvalQuestions.answeredAt)));
    // A step already asked about keeps its open question: the new one joins the same thread.
    const unasked = target.stepIds.filter((stepId) => !open.some((row) => row.stepId === stepId));
    if (unasked.length > 0)
      await tx.insert(approvalQuestions).values(
        unasked.map((stepId) => ({
          orderId: order.id,
          stepId,
          organizationId: order.organizationId,
          askedByMembershipId: actor.membershipId,
          question: input.question,
          askedAt: now,
        })),
      );
    await appendMessage(tx, order, actor, 'authorizer', input.question, now);
    await recordOrderEvent(tx, order, 'approval_question_asked', {
      now,
      actorUserId: actor.userId,
      message: `${actor.name} asked the requester a question.`,
      data: { stepIds: target.stepIds },
    });
    const { to, base } = await requesterEmail(tx, order);
    await enqueueEmail(tx, {
      kind: 'approval-question-asked',
      to,
      now,
      props: { ...base, askedBy: actor.name, question: input.question },
    });
    return { number: order.number, awaitingAnswer: true };
  });
}

/**
 * The requester answers on their order page. The open questions are answered (reminders resume,
 * counting from now), the answer joins the thread after everything written before it, and the
 * authorizers of the steps still waiting for a decision are emailed.
 */
export async function answerQuestion(db: Database, actor: Actor, input: AnswerQuestionInput, now: Date) {
  return db.transaction(async (tx) => {
    const order = await lockOrderByNumber(tx, actor.organizationId, input.number);
    const [asked] = await tx
      .select({ n: count() })
      .from(approvalQuestions)
      .where(eq(approvalQuestions.orderId, order.id));
    const refusal = answerRefusal(
      order.membershipId === actor.membershipId,
      order.status === 'pending_approval',
      asked?.n ?? 0,
    );
    if (refusal) throw new DomainError(refusal.code, refusal.message);
    await tx
      .update(approvalQuestions)
      .set({ answeredAt: now, answeredByMembershipId: actor.membershipId })
      .where(and(eq(approvalQuestions.orderId, order.id), isNull(approvalQuestions.answeredAt)));
    await appendMessage(tx, order, actor, 'requester', input.answer, now);
    await recordOrderEvent(tx, order, 'approval_question_answered', {
      now,
      actorUserId: actor.userId,
      message: `${actor.name} answered the authorizers' question.`,
    });
    const pending = await tx
      .select({ authorizers: approvalSteps.authorizers })
      .from(approvalSteps)
      .where(and(eq(approvalSteps.orderId, order.id), eq(approvalSteps.status, 'pending')));
    const ids = [...new Set(pending.flatMap((step) => step.authorizers.map((person) => person.membershipId)))];
    for (const person of await orderEmailSummaries(tx, order, ids)) {
      await enqueueEmail(tx, {
        kind: 'approval-question-answered',
        to: person.to,
        now,
        props: {
          name: person.name,
          orderNumber: order.number,
          answeredBy: actor.name,
          answer: input.answer,
          approvalUrl: appUrl(`/authorizations/${order.number}`),
        },
      });
    }
    return { number: order.number, awaitingAnswer: false };
  });
}

/** Whether the member is an authorizer of the order: named on a step, or the order is in their inbox. */
async function isAuthorizerOf(db: Executor, membershipId: string, orderId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(approvalInbox)
    .where(and(eq(approvalInbox.orderId, orderId), eq(approvalInbox.membershipId, membershipId)));
  if (row?.n) return true;
  const [named] = await db
    .select({ n: count() })
    .from(approvalSteps)
    .where(
      and(
        eq(approvalSteps.orderId, orderId),
        sql`${approvalSteps.authorizers} @> ${JSON.stringify([{ membershipId }])}::jsonb`,
      ),
    );
  return Boolean(named?.n);
}

/**
 * An order's questions and answers for its requester and its authorizers (anyone else is told the
 * order does not exist): the messages in the order written, whether it waits for the requester's
 * answer, and whether this member may ask (an authorizer who may decide now) or answer (the requester).
 */
export async function orderThread(db: Executor, actor: Actor, number: string) {
  const order = await orderByNumber(db, actor.organizationId, number);
  if (!order) throw notFound('That order');
  const isRequester = order.membershipId === actor.membershipId;
  if (!isRequester && !(await isAuthorizerOf(db, actor.membershipId, order.id))) throw notFound('That order');
  const [messages, questions, steps] = await Promise.all([
    db
      .select({
        id: approvalThreadMessages.id,
        role: approvalThreadMessages.role,
        body: approvalThreadMessages.body,
        at: approvalThreadMessages.at,
        name: users.name,
        byYou: sql<boolean>`${approvalThreadMessages.membershipId} = ${actor.membershipId}`,
      })
      .from(approvalThreadMessages)
      .innerJoin(memberships, eq(memberships.id, approvalThreadMessages.membershipId))
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(approvalThreadMessages.orderId, order.id))
      .orderBy(asc(approvalThreadMessages.position)),
    db
      .select({ answeredAt: approvalQuestions.answeredAt, stepStatus: approvalSteps.status })
      .from(approvalQuestions)
      .innerJoin(approvalSteps, eq(approvalSteps.id, approvalQuestions.stepId))
      .where(eq(approvalQuestions.orderId, order.id)),
    isRequester ? [] : db.select().from(approvalSteps).where(eq(approvalSteps.orderId, order.id)),
  ]);
  const orderIsPending = order.status === 'pending_approval';
  return {
    number: order.number,
    messages,
    awaitingAnswer: awaitsAnswer(
      orderIsPending,
      questions.map((question) => ({
        answeredAt: question.answeredAt,
        stepPending: question.stepStatus === 'pending',
      })),
    ),
    mayAsk: !isRequester && decisionTarget(actor.membershipId, orderIsPending, steps, actor.timeZone).ok,
    mayAnswer: answerRefusal(isRequester, orderIsPending, questions.length) === null,
  };
}

/** Of these orders, those waiting for the requester's answer: an open question on a step still pending. */
export async function ordersAwaitingAnswer(db: Executor, orderIds: readonly string[]): Promise<Set<string>> {
  if (orderIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ orderId: approvalQuestions.orderId })
    .from(approvalQuestions)
    .innerJoin(approvalSteps, eq(approvalSteps.id, approvalQuestions.stepId))
    .where(
      and(
        inArray(approvalQuestions.orderId, [...orderIds]),
        isNull(approvalQuestions.answeredAt),
        eq(approvalSteps.status, 'pending'),
      ),
    );
  return new Set(rows.map((row) => row.orderId));
}
