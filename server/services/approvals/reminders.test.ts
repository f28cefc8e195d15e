import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { approvalInbox, approvalSteps, orderEvents, type Order } from '@/db/schema';
import { approvalTeam, hoursAfter, inboxStates, teamOrder, type ApprovalTeam } from '@/server/testing/approval-team';
import { setupTestDatabase } from '@/server/testing/database';
import { createCaller, signIn, type Member } from '@/server/testing/factories';
import { emailsTo } from '@/server/testing/onboarding';
import { escalateOverdueSteps, sendReminders } from './reminders';

const database = setupTestDatabase();
const db = () => database.db;
const settings = { reminderHours: 24, escalationDays: 3 };
const HOUR = 3_600_000;

const order = (t: ApprovalTeam, quantity: number) => teamOrder(db(), t, quantity);
/** One run of the job: reminders first, then escalation. */
const run = async (now: Date) => ({
  ...(await sendReminders(db(), now, settings)),
  ...(await escalateOverdueSteps(db(), now, settings)),
});
const after = hoursAfter;
const reminders = (member: Member) => emailsTo(db(), member.user.email, 'approval-reminder');
const requests = (member: Member) => emailsTo(db(), member.user.email, 'approval-requested');
const inboxOf = (member: Member, o: Order) => inboxStates(db(), member, o);

let t: ApprovalTeam;
beforeEach(async () => {
  t = await approvalTeam(db());
});

describe('escalating an overdue step', () => {
  it('writes the inbox, the history and the offer as every approval use case does', async () => {
    const placed = await order(t, 20);
    const now = after(placed, 3 * 24 + 1);
    expect(await run(now)).toMatchObject({ stepsEscalated: 1, managersOffered: 1 });

    expect(await inboxOf(t.manager, placed)).toEqual(['pending']);
    expect(await inboxOf(t.a, placed)).toEqual(['pending']);
    const [event] = await db()
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, placed.id), eq(orderEvents.kind, 'approval_escalated')));
    expect(event).toMatchObject({
      at: now,
      actorUserId: null,
      message: 'Waiting for approval longer than 3 days: also offered to the account managers (Max Manager).',
      data: { accountManagers: ['Max Manager'] },
    });
    const offers = await requests(t.manager);
    expect(offers.map((email) => email.props)).toEqual([
      expect.objectContaining({
        name: 'Max Manager',
        requesterName: 'Rob Requester',
        orderNumber: placed.number,
        reason: 'overdue',
        total: '$2,015.00',
      }),
    ]);
    // The authorizers the step named hear nothing new from the escalation.
    expect(await requests(t.a)).toHaveLength(1);
  });
});

describe('one notice per step and person within the reminder interval', () => {
  it('does not remind an account manager of an order the escalation offered them, until the interval has passed', async () => {
    const placed = await order(t, 20);
    const escalatedAt = after(placed, 3 * 24 + 1);
    await run(escalatedAt);
    expect(await requests(t.manager)).toHaveLength(1);

    // The next hourly run: the manager was told an hour ago; Ann and Ben were reminded already.
    expect(await run(after(placed, 3 * 24 + 2))).toMatchObject({ authorizersReminded: 0 });
    await run(after(placed, 3 * 24 + 12));
    expect(await reminders(t.manager)).toEqual([]);

    await run(after(placed, 4 * 24 + 2));
    const [reminder] = await reminders(t.manager);
    expect(reminder?.props.orders).toEqual([expect.objectContaining({ number: placed.number, escalated: true })]);
  });

  it('still reminds the manager of their other waiting orders, without the one just offered', async () => {
    const older = await order(t, 20);
    // The manager is also named on a second, older order's step from the start.
    const mine = await order(t, 30);
    const [step] = await db().select().from(approvalSteps).where(eq(approvalSteps.orderId, mine.id));
    await db()
      .update(approvalSteps)
      .set({
        authorizers: [...(step?.authorizers ?? []), { membershipId: t.manager.membership.id, name: 'Max Manager' }],
      })
      .where(eq(approvalSteps.orderId, mine.id));
    await db().insert(approvalInbox).values({
      membershipId: t.manager.membership.id,
      orderId: mine.id,
      organizationId: mine.organizationId,
      state: 'pending',
      submittedAt: mine.submittedAt,
      orderNumber: mine.number,
      requesterMembershipId: mine.membershipId,
    });
    // Only the first order has waited past the escalation period.
    await db()
      .update(approvalSteps)
      .set({ pendingSince: new Date(older.submittedAt.getTime() - 2 * HOUR) })
      .where(eq(approvalSteps.orderId, older.id));
    await db()
      .update(approvalSteps)
      .set({ pendingSince: after(older, 2 * 24 - 1) })
      .where(eq(approvalSteps.orderId, mine.id));

    await escalateOverdueSteps(db(), after(older, 3 * 24 - 1), settings);
    await sendReminders(db(), after(older, 3 * 24), settings);
    const [reminder] = await reminders(t.manager);
    expect(reminder?.props.orders).toEqual([expect.objectContaining({ number: mine.number, escalated: false })]);
  });

  it('sends no reminder when every order it would list no longer waits', async () => {
    const placed = await order(t, 20);
    await run(after(placed, 3 * 24 + 1));
    await createCaller(await signIn(db(), t.manager.membership)).authorizations.approve({ number: placed.number });
    await run(after(placed, 4 * 24 + 2));
    expect(await reminders(t.manager)).toEqual([]);
  });
});
