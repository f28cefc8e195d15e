import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { approvalSteps, approvalThreadMessages, orders, type Order } from '@/db/schema';
import { approvalTeam, hoursAfter, teamOrder, type ApprovalTeam } from '@/server/testing/approval-team';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import { createCaller, createMember, signIn, type Member } from '@/server/testing/factories';
import { lockOrder } from '../orders/transition';
import { raceBehindLock, valuesOf } from '@/server/testing/locks';
import { emailsTo } from '@/server/testing/onboarding';
import { escalateOverdueSteps, sendReminders } from './reminders';

const database = setupTestDatabase();
const db = () => database.db;
const settings = { reminderHours: 24, escalationDays: 3 };

/** A caller for the member; with `at`, a session whose clock says that moment. */
const as = async (member: Member, at?: Date) =>
  createCaller(await signIn(db(), member.membership, at ? { createdAt: at, now: () => at } : {}));
const questionsFilter = async (member: Member) =>
  (await (await as(member)).authorizations.inbox({ state: 'pending', page: 1, questions: true })).rows.map(
    (row) => row.number,
  );
/** Whether the order's step went to the account managers (other tests' orders share the database). */
const escalated = async (order: Order) =>
  (await db().select().from(approvalSteps).where(eq(approvalSteps.orderId, order.id))).some((step) => step.escalatedAt);
const reminded = async (member: Member) => (await emailsTo(db(), member.user.email, 'approval-reminder')).length;

let t: ApprovalTeam;
beforeEach(async () => {
  t = await approvalTeam(db());
});

describe('asking the requester', () => {
  it('emails the requester, shows the order waiting for the answer, and the answer reaches the authorizers', async () => {
    const placed = await teamOrder(db(), t, 20);
    const ann = await as(t.a);
    await ann.approvalQuestions.ask({ number: placed.number, question: 'Is this for the Harbor site?' });

    const [asked] = await emailsTo(db(), t.requester.user.email, 'approval-question-asked');
    expect(asked?.props).toMatchObject({
      name: 'Rob Requester',
      orderNumber: placed.number,
      askedBy: 'Ann Approver',
      question: 'Is this for the Harbor site?',
      orderUrl: expect.stringMatching(new RegExp(`/orders/${placed.number}$`)),
    });
    expect(await ann.approvalQuestions.thread({ number: placed.number })).toMatchObject({
      awaitingAnswer: true,
      mayAsk: true,
      mayAnswer: false,
      messages: [{ name: 'Ann Approver', role: 'authorizer', body: 'Is this for the Harbor site?', byYou: true }],
    });
    // Every authorizer of the order sees it among the questions asked, and the row says so.
    expect(await questionsFilter(t.a)).toEqual([placed.number]);
    expect(await questionsFilter(t.b)).toEqual([placed.number]);
    const [row] = (await (await as(t.b)).authorizations.inbox({ state: 'pending', page: 1 })).rows;
    expect(row).toMatchObject({ number: placed.number, awaitingAnswer: true });

    const rob = await as(t.requester);
    expect(await rob.approvalQuestions.thread({ number: placed.number })).toMatchObject({
      awaitingAnswer: true,
      mayAsk: false,
      mayAnswer: true,
    });
    await rob.approvalQuestions.answer({ number: placed.number, answer: 'Yes, for Harbor.' });
    for (const member of [t.a, t.b]) {
      const [answered] = await emailsTo(db(), member.user.email, 'approval-question-answered');
      expect(answered?.props).toMatchObject({
        orderNumber: placed.number,
        answeredBy: 'Rob Requester',
        answer: 'Yes, for Harbor.',
        approvalUrl: expect.stringMatching(new RegExp(`/authorizations/${placed.number}$`)),
      });
    }
    // Cat's tier is not asked: nothing for them to read yet.
    expect(await emailsTo(db(), t.c.user.email, 'approval-question-answered')).toHaveLength(0);
    const thread = await (await as(t.b)).approvalQuestions.thread({ number: placed.number });
    expect(thread.awaitingAnswer).toBe(false);
    expect(thread.messages.map((message) => [message.name, message.role, message.body])).toEqual([
      ['Ann Approver', 'authorizer', 'Is this for the Harbor site?'],
      ['Rob Requester', 'requester', 'Yes, for Harbor.'],
    ]);
    expect(await questionsFilter(t.a)).toEqual([]);

    await ann.authorizations.approve({ number: placed.number });
    const [after] = await db().select({ status: orders.status }).from(orders).where(eq(orders.id, placed.id));
    expect(after?.status).toBe('payment_authorized');
  });

  it('decides nothing: the authorizer may approve while the question is open, and then nothing waits', async () => {
    const placed = await teamOrder(db(), t, 20);
    const ann = await as(t.a);
    await ann.approvalQuestions.ask({ number: placed.number, question: 'Which cost center?' });
    await ann.authorizations.approve({ number: placed.number });
    expect((await ann.approvalQuestions.thread({ number: placed.number })).awaitingAnswer).toBe(false);
    expect(await questionsFilter(t.b)).toEqual([]);
    // The order no longer waits for approval: there is nothing left to answer.
    const refused = await trpcErrorOf(
      (await as(t.requester)).approvalQuestions.answer({ number: placed.number, answer: 'Marketing' }),
    );
    expect(refused.code).toBe('CONFLICT');
  });

  it('refuses those who may not ask or answer, with the reason', async () => {
    const placed = await teamOrder(db(), t, 60);
    // Cat's tier waits for Ann or Ben first.
    const cat = await trpcErrorOf(
      (await as(t.c)).approvalQuestions.ask({ number: placed.number, question: 'Why so many?' }),
    );
    expect([cat.code, cat.message]).toEqual([
      'CONFLICT',
      'This order is waiting for an earlier approval; you can decide once it is given.',
    ]);
    const early = await trpcErrorOf(
      (await as(t.requester)).approvalQuestions.answer({ number: placed.number, answer: 'Nobody asked yet.' }),
    );
    expect([early.code, early.message]).toEqual(['CONFLICT', 'Nobody has asked a question about this order.']);
    await (await as(t.a)).approvalQuestions.ask({ number: placed.number, question: 'Why so many?' });
    const ben = await trpcErrorOf(
      (await as(t.b)).approvalQuestions.answer({ number: placed.number, answer: 'Because.' }),
    );
    expect([ben.code, ben.message]).toEqual([
      'FORBIDDEN',
      'Only the person who placed the order answers its questions.',
    ]);
    // Someone of the organization who is neither the requester nor an authorizer does not see the thread.
    const viewer = await createMember(db(), t.organization, { roles: ['viewer'] });
    const hidden = await trpcErrorOf((await as(viewer)).approvalQuestions.thread({ number: placed.number }));
    expect(hidden.code).toBe('NOT_FOUND');
    const long = await trpcErrorOf(
      (await as(t.a)).approvalQuestions.ask({ number: placed.number, question: 'x'.repeat(2_001) }),
    );
    expect(long.code).toBe('BAD_REQUEST');
  });

  it('keeps two answers sent at once, both, one after the other', async () => {
    const placed = await teamOrder(db(), t, 20);
    await (await as(t.a)).approvalQuestions.ask({ number: placed.number, question: 'Harbor or Bay?' });
    const [first, second] = [await as(t.requester), await as(t.requester)];
    // Both answers queue behind the order's lock, so they really run at the same time.
    valuesOf(
      await raceBehindLock(db(), (blocker) => lockOrder(blocker, placed.id), [
        () => first.approvalQuestions.answer({ number: placed.number, answer: 'Harbor.' }),
        () => second.approvalQuestions.answer({ number: placed.number, answer: 'Sorry: Bay.' }),
      ]),
    );
    const messages = await db()
      .select()
      .from(approvalThreadMessages)
      .where(eq(approvalThreadMessages.orderId, placed.id))
      .orderBy(asc(approvalThreadMessages.position));
    expect(messages.map((message) => message.position)).toEqual([1, 2, 3]);
    expect(
      messages
        .slice(1)
        .map((message) => message.body)
        .sort(),
    ).toEqual(['Harbor.', 'Sorry: Bay.']);
    expect(messages[2]?.at.getTime()).toBeGreaterThanOrEqual(messages[1]?.at.getTime() ?? Infinity);
  });
  it('never dates a message before the one ahead of it, though its clock was read before it waited', async () => {
    const placed = await teamOrder(db(), t, 20);
    await (await as(t.a, hoursAfter(placed, 1))).approvalQuestions.ask({ number: placed.number, question: 'Harbor?' });
    // The second answer's clock was read earlier, as when it waited behind the first for the lock.
    await (
      await as(t.requester, hoursAfter(placed, 3))
    ).approvalQuestions.answer({ number: placed.number, answer: 'Yes.' });
    await (
      await as(t.requester, hoursAfter(placed, 2))
    ).approvalQuestions.answer({ number: placed.number, answer: 'Also Bay.' });
    const messages = await db()
      .select()
      .from(approvalThreadMessages)
      .where(eq(approvalThreadMessages.orderId, placed.id))
      .orderBy(asc(approvalThreadMessages.position));
    expect(messages.map((message) => message.body)).toEqual(['Harbor?', 'Yes.', 'Also Bay.']);
    expect(messages[2]?.at).toEqual(hoursAfter(placed, 3));
  });
});

describe('reminders and a question', () => {
  it('skip the step while its question is open and count from the answer afterwards', async () => {
    const placed = await teamOrder(db(), t, 20);
    await (await as(t.a, hoursAfter(placed, 2))).approvalQuestions.ask({ number: placed.number, question: 'PO?' });
    // Long overdue, but waiting for the requester: nobody is reminded and nothing escalates.
    await sendReminders(db(), hoursAfter(placed, 30), settings);
    await escalateOverdueSteps(db(), hoursAfter(placed, 80), settings);
    expect(await escalated(placed)).toBe(false);
    expect(await reminded(t.a)).toBe(0);

    await (
      await as(t.requester, hoursAfter(placed, 90))
    ).approvalQuestions.answer({
      number: placed.number,
      answer: 'PO-77',
    });
    // 20 hours after the answer: not yet; 25 hours after it: Ann and Ben are reminded.
    await sendReminders(db(), hoursAfter(placed, 110), settings);
    expect(await reminded(t.a)).toBe(0);
    await sendReminders(db(), hoursAfter(placed, 115), settings);
    expect([await reminded(t.a), await reminded(t.b)]).toEqual([1, 1]);
    // Escalation too counts from the answer: three days after it, not before.
    await escalateOverdueSteps(db(), hoursAfter(placed, 150), settings);
    expect(await escalated(placed)).toBe(false);
    await escalateOverdueSteps(db(), hoursAfter(placed, 163), settings);
    expect(await escalated(placed)).toBe(true);
  });
});
