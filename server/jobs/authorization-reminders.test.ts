import { and, eq, inArray } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { approvalSteps, authorizerReminders, memberships, orderEvents, type Order } from '@/db/schema';
import { approvalTeam, hoursAfter, inboxStates, teamOrder, type ApprovalTeam } from '@/server/testing/approval-team';
import { setupTestDatabase } from '@/server/testing/database';
import { createCaller, signIn, type Member } from '@/server/testing/factories';
import { lockWaiters } from '@/server/testing/locks';
import { emailsTo } from '@/server/testing/onboarding';
import { remindDue, runAuthorizationReminders } from './authorization-reminders';

const database = setupTestDatabase();
const db = () => database.db;
const settings = { reminderHours: 24, escalationDays: 3 };
const HOUR = 3_600_000;

const order = (t: ApprovalTeam, quantity: number) => teamOrder(db(), t, quantity);
const run = (now: Date) => runAuthorizationReminders({ db: db(), now }, settings);
const after = hoursAfter;
const reminders = (member: Member) => emailsTo(db(), member.user.email, 'approval-reminder');
const requests = (member: Member) => emailsTo(db(), member.user.email, 'approval-requested');
const inboxOf = (member: Member, o: Order) => inboxStates(db(), member, o);

let t: ApprovalTeam;
beforeEach(async () => {
  t = await approvalTeam(db());
});

describe('authorization reminders', () => {
  it('emails each authorizer once, listing every order waiting for them longer than the interval', async () => {
    const first = await order(t, 20);
    const second = await order(t, 60);
    expect(await run(after(second, 23))).toMatchObject({ authorizersReminded: 0 });
    expect(await reminders(t.a)).toEqual([]);

    const counts = await run(after(second, 25));
    expect(counts.authorizersReminded).toBeGreaterThanOrEqual(2);
    for (const person of [t.a, t.b]) {
      const sent = await reminders(person);
      expect(sent).toHaveLength(1);
      expect(sent[0]?.props).toMatchObject({
        name: person.user.name,
        inboxUrl: expect.stringMatching(/\/authorizations$/),
        orders: [
          { number: first.number, requesterName: 'Rob Requester', waitingHours: expect.any(Number), escalated: false },
          { number: second.number, requesterName: 'Rob Requester', escalated: false },
        ],
      });
    }
    // Cat's step waits for the first tier: nothing is pending for her yet.
    expect(await reminders(t.c)).toEqual([]);
  });

  it('lists the longest waiting first, with the whole hours each has waited', async () => {
    const placed = [await order(t, 20), await order(t, 30), await order(t, 40)];
    const now = new Date(Math.max(...placed.map((o) => o.submittedAt.getTime())) + HOUR);
    const waited = [30.5, 50, 26.9];
    for (const [index, o] of placed.entries()) {
      await db()
        .update(approvalSteps)
        .set({ pendingSince: new Date(now.getTime() - (waited[index] ?? 0) * HOUR) })
        .where(eq(approvalSteps.orderId, o.id));
    }
    await run(now);
    const [sent] = await reminders(t.a);
    expect(sent?.props.orders).toEqual([
      { number: placed[1]?.number, requesterName: 'Rob Requester', waitingHours: 50, escalated: false },
      { number: placed[0]?.number, requesterName: 'Rob Requester', waitingHours: 30, escalated: false },
      { number: placed[2]?.number, requesterName: 'Rob Requester', waitingHours: 26, escalated: false },
    ]);
    expect(sent?.props.total).toBe(3);
  });

  it('never reminds the same authorizer twice within the interval, and again once it has passed', async () => {
    const placed = await order(t, 20);
    await run(after(placed, 25));
    await run(after(placed, 30));
    await run(after(placed, 48));
    expect(await reminders(t.a)).toHaveLength(1);
    await run(after(placed, 49.5));
    expect(await reminders(t.a)).toHaveLength(2);
  });

  it('sends exactly one reminder per authorizer when two runs go at once', async () => {
    const placed = await order(t, 20);
    await order(t, 30);
    const now = after(placed, 26);
    // Ann and Ben were reminded long ago. A blocker holds their reminder rows, so the run that
    // claims them has to wait while the other one starts: it either waits on the same rows or
    // stands aside and finishes meanwhile. Run one after the other, neither could happen.
    const people = [t.a, t.b].map((member) => member.membership.id);
    const longAgo = new Date(now.getTime() - 30 * 24 * HOUR);
    await db()
      .insert(authorizerReminders)
      .values(people.map((membershipId) => ({ membershipId, lastRemindedAt: longAgo })));
    const runs = await db().transaction(async (blocker) => {
      await blocker
        .select()
        .from(authorizerReminders)
        .where(inArray(authorizerReminders.membershipId, people))
        .for('update');
      const runs = [run(now), run(now)];
      await lockWaiters(db(), 1);
      await lockWaiters(db(), 2, { orSettled: Promise.race(runs) });
      return { both: Promise.all(runs) };
    });
    const [one, two] = await runs.both;
    if (!one || !two) throw new Error('both runs should answer');
    expect(await reminders(t.a)).toHaveLength(1);
    expect(await reminders(t.b)).toHaveLength(1);
    expect((await reminders(t.a))[0]?.props.orders).toHaveLength(2);
    expect(one.authorizersReminded + two.authorizersReminded).toBeGreaterThanOrEqual(2);
  });

  it('claims each authorizer once even when two runs send at the same moment', async () => {
    const placed = await order(t, 20);
    const now = after(placed, 26);
    // Past the lease that makes a second run stand aside: both compete for the same claims.
    const send = () => db().transaction((tx) => remindDue(tx, now, settings));
    await Promise.all([send(), send(), send()]);
    expect(await reminders(t.a)).toHaveLength(1);
    expect(await reminders(t.b)).toHaveLength(1);
  });

  it('skips authorizers who are deactivated or may no longer authorize, and orders no longer waiting', async () => {
    const placed = await order(t, 20);
    await db().update(memberships).set({ activated: false }).where(eq(memberships.id, t.a.membership.id));
    await db().update(memberships).set({ mayAuthorizeOrders: false }).where(eq(memberships.id, t.b.membership.id));
    await run(after(placed, 25));
    expect(await reminders(t.a)).toEqual([]);
    expect(await reminders(t.b)).toEqual([]);

    const other = await approvalTeam(db());
    const declined = await order(other, 20);
    await createCaller(await signIn(db(), other.a.membership)).authorizations.decline({
      number: declined.number,
      feedback: 'Not this month.',
    });
    await run(after(declined, 25));
    expect(await reminders(other.b)).toEqual([]);
  });
});

describe('escalation', () => {
  it('offers a step pending longer than the period to the account managers, once, and lets them decide it', async () => {
    const placed = await order(t, 20);
    await run(after(placed, 3 * 24 - 1));
    expect(await inboxOf(t.manager, placed)).toEqual([]);

    const now = after(placed, 3 * 24 + 1);
    const [one, two] = await Promise.all([run(now), run(now)]);
    expect(one.managersOffered + two.managersOffered).toBeGreaterThanOrEqual(1);
    expect(await inboxOf(t.manager, placed)).toEqual(['pending']);
    const sent = await requests(t.manager);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.props).toMatchObject({ orderNumber: placed.number, reason: 'overdue', total: '$2,015.00' });

    const [step] = await db().select().from(approvalSteps).where(eq(approvalSteps.orderId, placed.id));
    expect(step).toMatchObject({ escalated: 'overdue', escalatedAt: now });
    expect(step?.authorizers.map((person) => person.name)).toEqual(['Ann Approver', 'Ben Approver', 'Max Manager']);
    const [event] = await db()
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, placed.id), eq(orderEvents.kind, 'approval_escalated')));
    expect(event?.message).toBe(
      'Waiting for approval longer than 3 days: also offered to the account managers (Max Manager).',
    );

    // Within the reminder interval after the escalation's offer, the manager hears nothing more of it.
    await run(after(placed, 4 * 24));
    expect(await requests(t.manager)).toHaveLength(1);
    expect(await reminders(t.manager)).toEqual([]);
    // Once the interval has passed, the reminder that follows tells the manager why it reached them.
    await run(after(placed, 4 * 24 + 2));
    const [reminder] = await reminders(t.manager);
    expect(reminder?.props.orders).toEqual([expect.objectContaining({ number: placed.number, escalated: true })]);

    const decided = await createCaller(await signIn(db(), t.manager.membership)).authorizations.approve({
      number: placed.number,
    });
    expect(decided).toMatchObject({ status: 'payment_authorized' });
  });

  it('does not escalate a later tier before its turn, nor to a requester who is account manager', async () => {
    const placed = await order(t, 60);
    await db()
      .update(memberships)
      .set({ shopAccountRole: 'account_manager', mayAuthorizeOrders: true })
      .where(eq(memberships.id, t.requester.membership.id));
    await run(after(placed, 4 * 24));
    const steps = await db()
      .select()
      .from(approvalSteps)
      .where(eq(approvalSteps.orderId, placed.id))
      .orderBy(approvalSteps.tier);
    expect(steps.map((step) => [step.status, step.escalated])).toEqual([
      ['pending', 'overdue'],
      ['waiting', null],
    ]);
    expect(steps[0]?.authorizers.map((person) => person.name)).toEqual(['Ann Approver', 'Ben Approver', 'Max Manager']);
    expect(await requests(t.requester)).toEqual([]);
  });
});
