import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { devMailbox, emailOutbox } from '@/db/schema';
import { MAX_SEND_ATTEMPTS } from '@/server/domain/email/retry-policy';
import { setupTestDatabase } from '@/server/testing/database';
import { dispatchEmails } from './dispatcher';
import { enqueueEmail } from './outbox';
import { renderEmail } from './render';
import { devMailboxTransport, type EmailTransport } from './transports';

const database = setupTestDatabase();
const from = 'Countersign <no-reply@countersign.test>';
const t0 = new Date('2025-03-10T08:00:00Z');
const seconds = (n: number) => new Date(t0.getTime() + n * 1000);

beforeEach(async () => {
  await database.db.delete(devMailbox);
  await database.db.delete(emailOutbox);
});

async function enqueueReset(to = 'dana@example.test'): Promise<string> {
  await enqueueEmail(database.db, {
    kind: 'password-reset',
    to,
    props: { name: 'Dana', resetUrl: 'http://localhost:3000/reset-password?token=abc', expiresInMinutes: 60 },
    now: t0,
  });
  const [row] = await database.db.select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.toAddress, to));
  if (!row) throw new Error('not enqueued');
  return row.id;
}

/** The real dev mailbox behind a provider that fails its first `failures` calls and counts the rest. */
function providerWith(
  failures: number,
  calls = new Map<string, number>(),
): EmailTransport & { calls: Map<string, number> } {
  const real = devMailboxTransport(database.db);
  let failuresLeft = failures;
  return {
    name: 'flaky',
    calls,
    async send(email) {
      calls.set(email.outboxId, (calls.get(email.outboxId) ?? 0) + 1);
      if (failuresLeft-- > 0) throw new Error('provider unavailable (503)');
      return real.send(email);
    },
  };
}

const dispatch = (transport: EmailTransport, now: Date, batchSize?: number) =>
  dispatchEmails({ db: database.db, now, transport, from, batchSize });
const outboxRow = async (id: string) => (await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0];
const mailboxCount = async (outboxId?: string) =>
  (
    await database.db
      .select({ n: count() })
      .from(devMailbox)
      .where(outboxId ? eq(devMailbox.outboxId, outboxId) : undefined)
  )[0]?.n;

describe('dispatchEmails', () => {
  it('delivers a queued email to the dev mailbox once and marks it sent', async () => {
    const id = await enqueueReset();
    expect(await dispatch(devMailboxTransport(database.db), t0)).toEqual({
      claimed: 1,
      sent: 1,
      retried: 0,
      failed: 0,
    });
    expect(await dispatch(devMailboxTransport(database.db), seconds(3600))).toMatchObject({ claimed: 0 });

    const [mail] = await database.db.select().from(devMailbox).where(eq(devMailbox.outboxId, id));
    expect(mail).toMatchObject({ toAddress: 'dana@example.test', subject: 'Reset your Countersign password' });
    expect(mail?.html).toContain('http://localhost:3000/reset-password?token=abc');
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', sentAt: t0, lockedUntil: null, attempts: 1 });
  });

  it('keeps a failed send pending with the error, and delivers it once when it is due again', async () => {
    const id = await enqueueReset();
    const provider = providerWith(1);
    expect(await dispatch(provider, t0)).toMatchObject({ claimed: 1, retried: 1 });

    const failed = await outboxRow(id);
    expect(failed).toMatchObject({ status: 'pending', lastError: 'provider unavailable (503)', attempts: 1 });
    expect(failed?.nextAttemptAt.getTime()).toBeGreaterThan(t0.getTime());
    expect(await dispatch(provider, seconds(5))).toMatchObject({ claimed: 0 });

    expect(await dispatch(provider, failed?.nextAttemptAt ?? t0)).toMatchObject({ claimed: 1, sent: 1 });
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await mailboxCount(id)).toBe(1);
  });

  it('lets two dispatchers running at once send each email exactly once', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => enqueueReset(`person-${i}@example.test`)));
    const calls = new Map<string, number>();
    const drain = async () => {
      const provider = providerWith(0, calls);
      while ((await dispatch(provider, t0, 3)).claimed > 0);
    };
    await Promise.all([drain(), drain()]);

    expect(ids.map((id) => calls.get(id))).toEqual(ids.map(() => 1));
    expect(await mailboxCount()).toBe(20);
    const statuses = await database.db.select({ status: emailOutbox.status }).from(emailOutbox);
    expect(statuses.every((row) => row.status === 'sent')).toBe(true);
  });

  it('takes over the lease of a dispatcher that died after sending, without a second copy', async () => {
    const id = await enqueueReset();
    const row = await outboxRow(id);
    if (!row) throw new Error('missing row');
    // The dead dispatcher claimed the row and delivered it, then never recorded the outcome.
    const rendered = await renderEmail(row.kind, row.props);
    await devMailboxTransport(database.db).send({ ...rendered, outboxId: id, to: row.toAddress, from });
    await database.db
      .update(emailOutbox)
      .set({ status: 'sending', attempts: 1, lockedUntil: seconds(120) })
      .where(eq(emailOutbox.id, id));

    expect(await dispatch(devMailboxTransport(database.db), seconds(60))).toMatchObject({ claimed: 0 });
    expect(await dispatch(devMailboxTransport(database.db), seconds(120))).toMatchObject({ claimed: 1, sent: 1 });
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await mailboxCount(id)).toBe(1);
  });

  it(`gives up after ${MAX_SEND_ATTEMPTS} failed attempts`, async () => {
    const id = await enqueueReset();
    const provider = providerWith(Number.POSITIVE_INFINITY);
    let now = t0;
    for (let attempt = 1; attempt < MAX_SEND_ATTEMPTS; attempt++) {
      expect(await dispatch(provider, now)).toMatchObject({ claimed: 1, retried: 1, failed: 0 });
      now = (await outboxRow(id))?.nextAttemptAt ?? now;
    }
    expect(await dispatch(provider, now)).toMatchObject({ claimed: 1, retried: 0, failed: 1 });
    expect(await outboxRow(id)).toMatchObject({ status: 'failed', attempts: MAX_SEND_ATTEMPTS });
    expect(await dispatch(provider, seconds(7 * 24 * 3600))).toMatchObject({ claimed: 0 });
    expect(provider.calls.get(id)).toBe(MAX_SEND_ATTEMPTS);
    expect(await mailboxCount(id)).toBe(0);
  });
});
