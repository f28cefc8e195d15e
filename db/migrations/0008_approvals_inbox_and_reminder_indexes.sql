DROP INDEX "approval_steps_pending_idx";--> statement-breakpoint
CREATE INDEX "approval_inbox_requesters_idx" ON "approval_inbox" USING btree ("membership_id","requester_membership_id");--> statement-breakpoint
CREATE INDEX "approval_steps_pending_idx" ON "approval_steps" USING btree ("pending_since","order_id","escalated") WHERE "approval_steps"."status" = 'pending';