import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { devMailbox, emailOutbox } from '@/db/schema';
import { MAX_SEND_ATTEMPTS } from '@/server/domain/email/retry-policy';
import { enqueueEmail } from '@/server/email/outbox';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import { createCaller, createMember, createOrganization, signIn, type Member } from '@/server/testing/factories';

const database = setupTestDatabase();
let administrator: Member;
let clerk: Member;

beforeAll(async () => {
  const seller = await createOrganization(database.db, { kind: 'seller' });
  administrator = await createMember(database.db, seller, { roles: ['seller_admin'] });
  clerk = await createMember(database.db, seller, { roles: ['fulfillment_clerk'] });
});

const as = async (member: Member) => createCaller(await signIn(database.db, member.membership));

/** A password-reset email the provider gave up on after every attempt; returns its outbox id. */
async function givenUpEmail(to: string): Promise<string> {
  await enqueueEmail(database.db, {
    kind: 'password-reset',
    to,
    props: { name: 'Dana', resetUrl: 'http://localhost:3000/reset-password?token=abc', expiresInMinutes: 60 },
  });
  const [row] = await database.db
    .update(emailOutbox)
    .set({ status: 'failed', attempts: MAX_SEND_ATTEMPTS, lastError: 'provider unavailable (503)' })
    .where(eq(emailOutbox.toAddress, to))
    .returning({ id: emailOutbox.id });
  if (!row) throw new Error('not enqueued');
  return row.id;
}

const outboxRow = async (id: string) => (await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0];

describe('running a job from the staff console', () => {
  it('runs it at once and records the run, which the jobs page then shows', async () => {
    const staff = await as(administrator);
    const ran = await staff.staff.runJob({ name: 'process-backorders' });
    expect(ran).toMatchObject({ runId: expect.any(String), status: 'succeeded', result: expect.any(Object) });

    const job = (await staff.staff.jobs()).find((entry) => entry.name === 'process-backorders');
    expect(job?.runs[0]).toMatchObject({
      id: ran.runId,
      job: 'process-backorders',
      trigger: 'manual',
      status: 'succeeded',
      finishedAt: expect.any(Date),
    });
  });

  it('answers NOT_FOUND for a job that does not exist, and records nothing', async () => {
    const staff = await as(administrator);
    expect(await trpcErrorOf(staff.staff.runJob({ name: 'make-coffee' }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'That job was not found.',
    });
    expect((await staff.staff.jobs()).map((job) => job.name)).not.toContain('make-coffee');
  });

  it('is refused to staff who may not see the system pages', async () => {
    const refused = await as(clerk);
    expect((await trpcErrorOf(refused.staff.runJob({ name: 'dispatch-email' }))).code).toBe('FORBIDDEN');
    expect((await trpcErrorOf(refused.staff.outbox())).code).toBe('FORBIDDEN');
    expect((await trpcErrorOf(refused.staff.retryEmail({ id: randomUUID() }))).code).toBe('FORBIDDEN');
  });
});

describe('the email outbox', () => {
  it('lists an email the provider gave up on, queues it again, and the dispatch job then sends it', async () => {
    const to = `dana-${randomUUID().slice(0, 8)}@example.test`;
    const id = await givenUpEmail(to);
    const staff = await as(administrator);

    const listed = (await staff.staff.outbox()).find((row) => row.id === id);
    expect(listed).toMatchObject({
      kind: 'password-reset',
      toAddress: to,
      status: 'failed',
      attempts: MAX_SEND_ATTEMPTS,
      lastError: 'provider unavailable (503)',
    });
    // The dispatcher leaves a given-up email alone until someone retries it.
    await staff.staff.runJob({ name: 'dispatch-email' });
    expect(await outboxRow(id)).toMatchObject({ status: 'failed', sentAt: null });

    await staff.staff.retryEmail({ id });
    expect(await outboxRow(id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await staff.staff.runJob({ name: 'dispatch-email' })).status).toBe('succeeded');

    expect(await outboxRow(id)).toMatchObject({ status: 'sent', sentAt: expect.any(Date) });
    const [mail] = await database.db.select().from(devMailbox).where(eq(devMailbox.outboxId, id));
    expect(mail).toMatchObject({ toAddress: to, subject: 'Reset your Countersign password' });
    expect((await staff.staff.outbox()).map((row) => row.id)).not.toContain(id);
  });

  it('does not list emails already sent', async () => {
    const to = `sent-${randomUUID().slice(0, 8)}@example.test`;
    const id = await givenUpEmail(to);
    await database.db.update(emailOutbox).set({ status: 'sent', sentAt: new Date() }).where(eq(emailOutbox.id, id));
    expect((await (await as(administrator)).staff.outbox()).map((row) => row.id)).not.toContain(id);
  });

  it('answers NOT_FOUND when retrying an email that does not exist', async () => {
    expect(await trpcErrorOf((await as(administrator)).staff.retryEmail({ id: randomUUID() }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'That email was not found.',
    });
  });
});
