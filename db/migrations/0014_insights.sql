ALTER TABLE "organizations" ADD COLUMN "time_zone" varchar(64) DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
CREATE INDEX "email_outbox_failed_idx" ON "email_outbox" USING btree ("created_at") WHERE "email_outbox"."status" = 'failed';--> statement-breakpoint
CREATE INDEX "order_events_capture_failed_idx" ON "order_events" USING btree ("at") WHERE "order_events"."kind" = 'capture_failed';--> statement-breakpoint
CREATE INDEX "orders_insights_idx" ON "orders" USING btree ("organization_id","submitted_at","unit_id","membership_id","status","total_minor","id");--> statement-breakpoint
CREATE INDEX "orders_submitted_status_idx" ON "orders" USING btree ("submitted_at","status");--> statement-breakpoint
CREATE INDEX "packages_shipped_idx" ON "packages" USING btree ("shipped_at","fulfillment_center_id","order_id") WHERE "packages"."shipped_at" is not null;--> statement-breakpoint
CREATE INDEX "approval_steps_insights_pending_idx" ON "approval_steps" USING btree ("organization_id","pending_since","order_id") WHERE "approval_steps"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "approval_steps_insights_decided_idx" ON "approval_steps" USING btree ("organization_id","decided_at","order_id","status","decided_by_membership_id","pending_since") WHERE "approval_steps"."decided_at" is not null;