import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { approvalSteps, orders, type Order } from '@/db/schema';
import type { BulkResult } from '@/server/domain/approvals/bulk';
import { approvalTeam, teamOrder, type ApprovalTeam } from '@/server/testing/approval-team';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import { createCaller, signIn, type Member } from '@/server/testing/factories';
import { raceBehindLock } from '@/server/testing/locks';
import { lockOrder } from '../orders/transition';

const database = setupTestDatabase();
const db = () => database.db;

const as = async (member: Member) => createCaller(await signIn(db(), member.membership));
const statusOf = async (o: Order) =>
  (await db().select({ status: orders.status }).from(orders).where(eq(orders.id, o.id)))[0]?.status;
const decisionsOn = async (o: Order) =>
  (await db().select().from(approvalSteps).where(eq(approvalSteps.orderId, o.id))).filter(
    (step) => step.status === 'approved' || step.status === 'declined',
  );

let t: ApprovalTeam;
beforeEach(async () => {
  t = await approvalTeam(db());
});

describe('approving several orders at once', () => {
  it('decides each on its own and lists every order: approved, already decided (by whom, when), refused', async () => {
    const [single, twoTiers, decidedByBen] = [
      await teamOrder(db(), t, 20),
      await teamOrder(db(), t, 60),
      await teamOrder(db(), t, 20),
    ];
    await (await as(t.b)).authorizations.approve({ number: decidedByBen.number });

    const result = await (
      await as(t.a)
    ).authorizations.approveMany({
      numbers: [decidedByBen.number, single.number, twoTiers.number],
      feedback: 'Fine for this quarter.',
    });
    expect(result.heading).toBe('2 orders approved, 1 already decided');
    expect(result.lines).toEqual([
      { number: single.number, kind: 'approved', text: 'Approved: fully approved, it goes on.' },
      { number: twoTiers.number, kind: 'approved', text: 'Approved: it waits for another approval.' },
      {
        number: decidedByBen.number,
        kind: 'already_decided',
        text: expect.stringMatching(/^Already approved by Ben Approver at [A-Z][a-z]{2} \d{1,2}, \d{4}, .+ UTC\.$/),
      },
    ]);
    expect(await statusOf(single)).toBe('payment_authorized');
    expect(await statusOf(twoTiers)).toBe('pending_approval');
    // Each approval is the single one's: who, and the comment as feedback.
    expect(await decisionsOn(twoTiers)).toEqual([
      expect.objectContaining({ decidedByMembershipId: t.a.membership.id, feedback: 'Fine for this quarter.' }),
    ]);
  });

  it('refuses an order the authorizer may not decide yet, saying why, and approves the rest', async () => {
    const [waiting, other] = [await teamOrder(db(), t, 60), await teamOrder(db(), t, 60)];
    await (await as(t.a)).authorizations.approve({ number: other.number });
    const result = await (await as(t.c)).authorizations.approveMany({ numbers: [waiting.number, other.number] });
    expect(result.lines).toEqual([
      { number: other.number, kind: 'approved', text: 'Approved: fully approved, it goes on.' },
      {
        number: waiting.number,
        kind: 'refused',
        text: 'Not approved: This order is waiting for an earlier approval; you can decide once it is given.',
      },
    ]);
  });

  it('takes at most 100 orders, and none that is not an order of the organization', async () => {
    const placed = await teamOrder(db(), t, 20);
    const ann = await as(t.a);
    const many = await trpcErrorOf(
      ann.authorizations.approveMany({ numbers: Array.from({ length: 101 }, (_, i) => `CS-${i}`) }),
    );
    expect(many.code).toBe('BAD_REQUEST');
    const unknown = await trpcErrorOf(ann.authorizations.approveMany({ numbers: [placed.number, 'NOPE-1'] }));
    expect([unknown.code, unknown.message]).toEqual(['NOT_FOUND', 'Order NOPE-1 was not found.']);
    expect(await statusOf(placed)).toBe('pending_approval');
  });

  it('with a single approval of the same order at once, gives one decision; the other learns who decided', async () => {
    const placed = await teamOrder(db(), t, 20);
    const [ann, ben] = [await as(t.a), await as(t.b)];
    // Both queue behind the order's lock, so they really run at the same time.
    const [bulk, single] = await raceBehindLock<unknown>(db(), (blocker) => lockOrder(blocker, placed.id), [
      () => ann.authorizations.approveMany({ numbers: [placed.number] }),
      () => ben.authorizations.approve({ number: placed.number }),
    ]);
    expect(await decisionsOn(placed)).toHaveLength(1);
    if (bulk?.status !== 'fulfilled') throw new Error('a bulk approval lists refusals, it does not fail');
    const [line] = (bulk.value as BulkResult).lines;
    if (single?.status === 'fulfilled') {
      expect(line).toMatchObject({
        kind: 'already_decided',
        text: expect.stringMatching(/^Already approved by Ben Approver/),
      });
    } else {
      expect(line).toMatchObject({ kind: 'approved' });
      expect(String(single?.reason)).toMatch(/Already approved by Ann Approver/);
    }
  });
});
