import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { approvalSteps, orderEvents, orders, type Order } from '@/db/schema';
import { approvalTeam, inboxStates, teamOrder, type ApprovalTeam } from '@/server/testing/approval-team';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import { createCaller, createMember, createOrganization, signIn, type Member } from '@/server/testing/factories';
import { raceBehindLock } from '@/server/testing/locks';
import { emailsTo } from '@/server/testing/onboarding';
import { lockOrder } from '../orders/transition';
import { ordersAwaiting } from './authorizer-guard';

const database = setupTestDatabase();
const db = () => database.db;

const as = async (member: Member) => createCaller(await signIn(db(), member.membership));
const authorizer = (name: string, options: Parameters<typeof createMember>[2] = {}) =>
  createMember(db(), t.organization, { roles: ['authorizer'], mayAuthorizeOrders: true, user: { name }, ...options });
const stepOf = async (o: Order) => (await db().select().from(approvalSteps).where(eq(approvalSteps.orderId, o.id)))[0];
const statusOf = async (o: Order) =>
  (await db().select({ status: orders.status }).from(orders).where(eq(orders.id, o.id)))[0]?.status;

let t: ApprovalTeam;
let dana: Member;
beforeEach(async () => {
  t = await approvalTeam(db());
  dana = await authorizer('Dana Deputy');
});

describe('handing a step on', () => {
  it('moves the place to the receiver: their inbox, their email, the history; the receiver approves', async () => {
    const placed = await teamOrder(db(), t, 20);
    const ann = await as(t.a);
    expect((await ann.authorizations.handOnOptions({ number: placed.number })).map((option) => option.name)).toEqual([
      'Cat Controller',
      'Dana Deputy',
      'Max Manager',
    ]);
    await ann.authorizations.handOn({
      number: placed.number,
      toMembershipId: dana.membership.id,
      note: 'on leave until Monday',
    });

    expect((await stepOf(placed))?.authorizers.map((person) => person.name)).toEqual(['Ben Approver', 'Dana Deputy']);
    expect(await inboxStates(db(), t.a, placed)).toEqual([]);
    expect(await inboxStates(db(), dana, placed)).toEqual(['pending']);
    expect([await ann.authorizations.waitingCount(), await (await as(dana)).authorizations.waitingCount()]).toEqual([
      0, 1,
    ]);
    const [event] = await db()
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, placed.id), eq(orderEvents.kind, 'approval_handed_on')));
    expect(event?.message).toBe('Ann Approver handed this to Dana Deputy: on leave until Monday');
    const [email] = await emailsTo(db(), dana.user.email, 'approval-handed-on');
    expect(email?.props).toMatchObject({
      name: 'Dana Deputy',
      orderNumber: placed.number,
      handedOnBy: 'Ann Approver',
      note: 'on leave until Monday',
      approvalUrl: expect.stringMatching(new RegExp(`/authorizations/${placed.number}$`)),
    });
    // The authorizer-validation rules hold for both: Dana now has an order to decide, Ann none.
    expect(await ordersAwaiting(db(), t.organization.id, dana.membership.id)).toEqual([placed.number]);
    expect(await ordersAwaiting(db(), t.organization.id, t.a.membership.id)).toEqual([]);
    // Ann no longer decides it.
    expect((await trpcErrorOf(ann.authorizations.approve({ number: placed.number }))).message).toBe(
      'You are not an authorizer of this order.',
    );

    await (await as(dana)).authorizations.approve({ number: placed.number });
    expect(await statusOf(placed)).toBe('payment_authorized');
  });

  it('refuses anyone else, and ineligible receivers, with the reason', async () => {
    const placed = await teamOrder(db(), t, 20);
    const ann = await as(t.a);
    const handTo = async (member: Member) =>
      trpcErrorOf(
        ann.authorizations.handOn({ number: placed.number, toMembershipId: member.membership.id, note: 'Away' }),
      );
    const cases: [Member, string][] = [
      [t.requester, 'Rob Requester placed this order, and nobody approves their own order.'],
      [t.b, 'Ben Approver is already an authorizer of this step.'],
      [await authorizer('Ina Inactive', { activated: false }), 'Ina Inactive is not an active member.'],
      [await authorizer('Nell Noflag', { mayAuthorizeOrders: false }), 'Nell Noflag may not authorize orders.'],
      [
        await createMember(db(), t.organization, {
          roles: ['viewer'],
          mayAuthorizeOrders: true,
          user: { name: 'Vic Viewer' },
        }),
        'Vic Viewer has no permission to approve orders of this requester.',
      ],
      [
        await createMember(db(), await createOrganization(db()), { roles: ['authorizer'], mayAuthorizeOrders: true }),
        'Choose a member of your organization.',
      ],
    ];
    for (const [member, reason] of cases) {
      const refused = await handTo(member);
      expect([refused.code, refused.message]).toEqual(['BAD_REQUEST', reason]);
    }
    // Not an authorizer of the step: Cat cannot hand on what is not theirs.
    const cat = await trpcErrorOf(
      (await as(t.c)).authorizations.handOn({
        number: placed.number,
        toMembershipId: dana.membership.id,
        note: 'Away',
      }),
    );
    expect([cat.code, cat.message]).toEqual(['FORBIDDEN', 'You are not an authorizer of this order.']);
    expect((await stepOf(placed))?.authorizers.map((person) => person.name)).toEqual(['Ann Approver', 'Ben Approver']);
    expect(await (await as(t.c)).authorizations.handOnOptions({ number: placed.number })).toEqual([]);
  });

  it('while another authorizer decides: one outcome, and the inboxes agree with it', async () => {
    const placed = await teamOrder(db(), t, 20);
    const [ann, ben] = [await as(t.a), await as(t.b)];
    // Both queue behind the order's lock, so they really run at the same time.
    const [handOn, approval] = await raceBehindLock<unknown>(db(), (blocker) => lockOrder(blocker, placed.id), [
      () => ann.authorizations.handOn({ number: placed.number, toMembershipId: dana.membership.id, note: 'Away' }),
      () => ben.authorizations.approve({ number: placed.number }),
    ]);
    // Ben stays an authorizer either way, so his approval stands; the hand-on happened before it or was refused.
    expect(approval?.status).toBe('fulfilled');
    const step = await stepOf(placed);
    expect([step?.status, step?.decidedByMembershipId]).toEqual(['approved', t.b.membership.id]);
    if (handOn?.status === 'fulfilled') {
      expect(await inboxStates(db(), dana, placed)).toEqual(['approved']);
      expect(await inboxStates(db(), t.a, placed)).toEqual([]);
    } else {
      expect(String(handOn?.reason)).toMatch(/^TRPCError: Already approved by Ben Approver at /);
      expect(await inboxStates(db(), dana, placed)).toEqual([]);
      expect(await inboxStates(db(), t.a, placed)).toEqual(['approved']);
    }
  });
});
