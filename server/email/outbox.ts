import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { enqueuePushesForEmails } from '@/server/push/outbox';
import type { EmailKind, EmailProps } from './templates';

let enqueuedSinceLastKick = false;

/**
 * Queues an email in the caller's transaction: it is sent only if that transaction commits, and
 * it is not lost if the process dies after the commit. The push that goes with an email of its
 * kind (server/domain/notifications/push-for-email.ts) is queued with it, in the same transaction.
 */
export async function enqueueEmail<K extends EmailKind>(
  tx: Executor,
  email: { kind: K; to: string; props: EmailProps<K>; now?: Date },
): Promise<void> {
  await tx.insert(emailOutbox).values({
    kind: email.kind,
    toAddress: email.to,
    props: email.props as Record<string, unknown>,
    ...(email.now ? { createdAt: email.now, nextAttemptAt: email.now } : {}),
  });
  await enqueuePushesForEmails(tx, [email]);
  enqueuedSinceLastKick = true;
}

/** An email to queue: its kind, recipient and the props its template takes. */
export type QueuedEmail = { [K in EmailKind]: { kind: K; to: string; props: EmailProps<K>; now?: Date } }[EmailKind];

/** Emails per INSERT: a batch travels as one JSON parameter, expanded by the server. */
const EMAILS_PER_STATEMENT = 5_000;

/**
 * Queues many emails in the caller's transaction with one statement per few thousand, for jobs
 * that write thousands at once; same guarantees as `enqueueEmail`.
 */
export async function enqueueEmails(tx: Executor, emails: readonly QueuedEmail[]): Promise<void> {
  for (let start = 0; start < emails.length; start += EMAILS_PER_STATEMENT) {
    const rows = emails
      .slice(start, start + EMAILS_PER_STATEMENT)
      .map((email) => ({ kind: email.kind, address: email.to, props: email.props, at: email.now ?? null }));
    await tx.execute(sql`
      insert into ${emailOutbox} (kind, to_address, props, created_at, next_attempt_at)
      select e.kind, e.address, e.props, coalesce(e.at, now()), coalesce(e.at, now())
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as e(kind varchar, address varchar, props jsonb, at timestamptz)`);
  }
  await enqueuePushesForEmails(tx, emails);
  if (emails.length > 0) enqueuedSinceLastKick = true;
}

/** For a caller that queued emails with its own statement: the API dispatches them right away. */
export function noteEmailsQueued(): void {
  enqueuedSinceLastKick = true;
}

/** True once after emails were queued in this process; lets the API dispatch them right away. */
export function takeEnqueuedHint(): boolean {
  const hint = enqueuedSinceLastKick;
  enqueuedSinceLastKick = false;
  return hint;
}
