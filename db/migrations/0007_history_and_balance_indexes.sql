DROP INDEX "order_events_order_id_at_index";--> statement-breakpoint
DROP INDEX "orders_open_balance_idx";--> statement-breakpoint
DROP INDEX "orders_member_history_idx";--> statement-breakpoint
DROP INDEX "orders_unit_history_idx";--> statement-breakpoint
DROP INDEX "orders_organization_history_idx";--> statement-breakpoint
DROP INDEX "orders_staff_history_idx";--> statement-breakpoint
DROP INDEX "approval_inbox_page_idx";--> statement-breakpoint
DROP INDEX "quotes_member_idx";--> statement-breakpoint
DROP INDEX "quotes_organization_id_requested_at_index";--> statement-breakpoint
ALTER TABLE "order_events" ADD COLUMN "seq" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "order_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
CREATE INDEX "order_events_order_id_seq_index" ON "order_events" USING btree ("order_id","seq");--> statement-breakpoint
CREATE INDEX "orders_owed_idx" ON "orders" USING btree ("organization_id","total_minor") WHERE "orders"."payment_method" = 'on_account' and "orders"."settled_at" is null and "orders"."status" in ('payment_authorized', 'backordered', 'released', 'shipped', 'deposited');--> statement-breakpoint
CREATE INDEX "orders_member_history_idx" ON "orders" USING btree ("membership_id","submitted_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "orders_unit_history_idx" ON "orders" USING btree ("unit_id","submitted_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "orders_organization_history_idx" ON "orders" USING btree ("organization_id","submitted_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "orders_staff_history_idx" ON "orders" USING btree ("submitted_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "approval_inbox_page_idx" ON "approval_inbox" USING btree ("membership_id","state","submitted_at" DESC NULLS FIRST,"order_id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "quotes_member_idx" ON "quotes" USING btree ("membership_id","requested_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "quotes_organization_id_requested_at_index" ON "quotes" USING btree ("organization_id","requested_at" DESC NULLS FIRST);