DROP INDEX "email_outbox_due_idx";--> statement-breakpoint
DROP INDEX "push_outbox_due_idx";--> statement-breakpoint
CREATE INDEX "email_outbox_lease_idx" ON "email_outbox" USING btree ("locked_until") WHERE "email_outbox"."status" = 'sending';--> statement-breakpoint
CREATE INDEX "push_outbox_lease_idx" ON "push_outbox" USING btree ("locked_until") WHERE "push_outbox"."status" = 'sending';--> statement-breakpoint
CREATE INDEX "email_outbox_due_idx" ON "email_outbox" USING btree ("next_attempt_at") WHERE "email_outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "push_outbox_due_idx" ON "push_outbox" USING btree ("next_attempt_at") WHERE "push_outbox"."status" = 'pending';