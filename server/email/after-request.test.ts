import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { devMailbox, users } from '@/db/schema';
import { signInWithPassword } from '@/server/services/identity/sign-in';
import { setupTestDatabase } from '@/server/testing/database';
import {
  anonymous,
  createCaller,
  createMember,
  createOrganization,
  DEFAULT_PASSWORD,
} from '@/server/testing/factories';
import { sendQueuedEmailAfterResponse, type AfterResponse } from './after-request';
import { kickEmailDispatch } from './delivery';
import { enqueueEmail, takeEnqueuedHint } from './outbox';

const database = setupTestDatabase();
const DAY_MS = 24 * 3600_000;

/** Stands in for Next's `after()`: runs the task at once and keeps its promise to wait for. */
function afterResponseNow() {
  const tasks: Promise<void>[] = [];
  const afterResponse: AfterResponse = (task) => void tasks.push(task());
  return { afterResponse, tasks, settled: () => Promise.all(tasks) };
}

const mailboxOf = (address: string, subject: string) =>
  database.db
    .select({ subject: devMailbox.subject })
    .from(devMailbox)
    .where(and(eq(devMailbox.toAddress, address), eq(devMailbox.subject, subject)));

describe('sendQueuedEmailAfterResponse', () => {
  it('puts the re-verification email of a sign-in refused for inactivity in the dev mailbox within a second, with no job running', async () => {
    const member = await createMember(database.db, await createOrganization(database.db));
    const now = new Date();
    await database.db
      .update(users)
      .set({ lastActiveAt: new Date(now.getTime() - 100 * DAY_MS) })
      .where(eq(users.id, member.user.id));
    takeEnqueuedHint();

    const started = Date.now();
    // What the next-auth route does: authorize refuses the sign-in, then the route sends what it queued.
    const outcome = await signInWithPassword(database.db, {
      email: member.user.email,
      password: DEFAULT_PASSWORD,
      ipAddress: '10.9.9.9',
      now,
      reverifyAfterDays: 90,
    });
    expect(outcome).toMatchObject({ ok: false, code: 'expired' });
    const after = afterResponseNow();
    sendQueuedEmailAfterResponse(database.db, after.afterResponse);
    expect(after.tasks).toHaveLength(1);
    await after.settled();

    expect(await mailboxOf(member.user.email, 'Confirm it is you to use Countersign again')).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('schedules nothing when nothing was queued since the last call', async () => {
    takeEnqueuedHint();
    const after = afterResponseNow();
    sendQueuedEmailAfterResponse(database.db, after.afterResponse);
    expect(after.tasks).toHaveLength(0);
  });

  it('is what a procedure calls when it ends: a queued reset link is delivered after the call', async () => {
    const member = await createMember(database.db, await createOrganization(database.db));
    takeEnqueuedHint();
    const after = afterResponseNow();
    const api = createCaller({
      ...anonymous(database.db),
      onEmailQueued: () => sendQueuedEmailAfterResponse(database.db, after.afterResponse),
    });
    await api.account.requestPasswordReset({ email: member.user.email });
    await after.settled();
    expect(await mailboxOf(member.user.email, 'Reset your Countersign password')).toHaveLength(1);
  });
});

describe('while a dispatch is already running', () => {
  const reset = (to: string) =>
    enqueueEmail(database.db, {
      kind: 'password-reset',
      to,
      props: { name: 'Dana', resetUrl: 'http://localhost:3000/reset-password?token=abc', expiresInMinutes: 60 },
      now: new Date(),
    });

  it('asks it to go round once more instead of scheduling another, and the email still arrives', async () => {
    takeEnqueuedHint();
    await reset('first@example.test');
    let running: Promise<void> | undefined;
    // The dev mailbox held locked, so the run cannot end before the second email is queued.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`lock table dev_mailbox in exclusive mode`);
      running = kickEmailDispatch(database.db);
      await reset('second@example.test');
      const after = afterResponseNow();
      sendQueuedEmailAfterResponse(database.db, after.afterResponse);
      expect(after.tasks).toHaveLength(0);
    });
    await running;
    expect(await mailboxOf('first@example.test', 'Reset your Countersign password')).toHaveLength(1);
    expect(await mailboxOf('second@example.test', 'Reset your Countersign password')).toHaveLength(1);
  });
});
