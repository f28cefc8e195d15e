import type { Executor } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import type { EmailKind, EmailProps } from './templates';

let enqueuedSinceLastKick = false;

/**
 * Queues an email in the caller's transaction: it is sent only if that transaction commits, and
 * it is not lost if the process dies after the commit.
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
  enqueuedSinceLastKick = true;
}

/** True once after emails were queued in this process; lets the API dispatch them right away. */
export function takeEnqueuedHint(): boolean {
  const hint = enqueuedSinceLastKick;
  enqueuedSinceLastKick = false;
  return hint;
}
