import { Resend } from 'resend';
import type { Database } from '@/db/client';
import { devMailbox } from '@/db/schema';
import type { RenderedEmail } from './render';

export type OutgoingEmail = RenderedEmail & { outboxId: string; to: string; from: string };
export type SendResult = { providerMessageId: string };

/** Where rendered emails go. The outbox id is the idempotency key: a resend of it is a no-op. */
export interface EmailTransport {
  readonly name: string;
  send(email: OutgoingEmail): Promise<SendResult>;
}

export function resendTransport(apiKey: string): EmailTransport {
  const resend = new Resend(apiKey);
  return {
    name: 'resend',
    async send(email) {
      const { data, error } = await resend.emails.send(
        { from: email.from, to: email.to, subject: email.subject, html: email.html, text: email.text },
        { idempotencyKey: email.outboxId },
      );
      if (error || !data) throw new Error(`Resend refused the email: ${error?.message ?? 'no answer'}`);
      return { providerMessageId: data.id };
    },
  };
}

/** The development mailbox: a table read by /dev/mailbox. */
export function devMailboxTransport(db: Database, now: () => Date = () => new Date()): EmailTransport {
  return {
    name: 'dev-mailbox',
    async send(email) {
      await db
        .insert(devMailbox)
        .values({
          outboxId: email.outboxId,
          toAddress: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          deliveredAt: now(),
        })
        .onConflictDoNothing({ target: devMailbox.outboxId });
      return { providerMessageId: `dev-${email.outboxId}` };
    },
  };
}
