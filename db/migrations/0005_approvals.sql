CREATE TYPE "public"."approval_step_status" AS ENUM('waiting', 'pending', 'approved', 'declined', 'void');--> statement-breakpoint
CREATE TYPE "public"."inbox_state" AS ENUM('pending', 'waiting', 'approved', 'declined');--> statement-breakpoint
CREATE TYPE "public"."limit_period" AS ENUM('order', 'month');--> statement-breakpoint
CREATE TYPE "public"."quote_status" AS ENUM('requested', 'priced', 'ordered', 'rejected', 'withdrawn', 'expired');--> statement-breakpoint
CREATE SEQUENCE "public"."quote_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 5001 CACHE 1;--> statement-breakpoint
CREATE TABLE "approval_inbox" (
	"membership_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"state" "inbox_state" NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"order_number" varchar(20) NOT NULL,
	"requester_membership_id" uuid NOT NULL,
	"on_behalf_of_membership_id" uuid,
	CONSTRAINT "approval_inbox_membership_id_order_id_pk" PRIMARY KEY("membership_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "approval_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"tier" integer DEFAULT 1 NOT NULL,
	"conditions" jsonb NOT NULL,
	"applies_to" jsonb NOT NULL,
	"approvers" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"tier" integer NOT NULL,
	"source" jsonb NOT NULL,
	"label" varchar(200) NOT NULL,
	"escalated" varchar(10),
	"status" "approval_step_status" NOT NULL,
	"pending_since" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"decided_by_membership_id" uuid,
	"decided_by_user_id" uuid,
	"on_behalf_of_membership_id" uuid,
	"decided_at" timestamp with time zone,
	"feedback" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "authorizer_delegations" (
	"membership_id" uuid PRIMARY KEY NOT NULL,
	"delegate_membership_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "authorizer_delegations_range_check" CHECK ("authorizer_delegations"."ends_at" > "authorizer_delegations"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "authorizer_reminders" (
	"membership_id" uuid PRIMARY KEY NOT NULL,
	"last_reminded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spending_limit_authorizers" (
	"limit_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	CONSTRAINT "spending_limit_authorizers_limit_id_membership_id_pk" PRIMARY KEY("limit_id","membership_id")
);
--> statement-breakpoint
CREATE TABLE "spending_limits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"limit_minor" bigint NOT NULL,
	"period" "limit_period" DEFAULT 'order' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "spending_limits_limit_check" CHECK ("spending_limits"."limit_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "quote_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quote_id" uuid NOT NULL,
	"line_number" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"sku" varchar(50) NOT NULL,
	"name" varchar(200) NOT NULL,
	"unit" varchar(30) NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_minor" bigint,
	"note" text,
	CONSTRAINT "quote_lines_quantity_check" CHECK ("quote_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" varchar(20) DEFAULT ('Q-' || nextval('quote_number_seq')) NOT NULL,
	"organization_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "quote_status" DEFAULT 'requested' NOT NULL,
	"currency" char(3) NOT NULL,
	"buyer_note" varchar(1000),
	"seller_note" varchar(1000),
	"requested_at" timestamp with time zone NOT NULL,
	"priced_at" timestamp with time zone,
	"priced_by_user_id" uuid,
	"valid_until" timestamp with time zone,
	"order_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "approval_inbox" ADD CONSTRAINT "approval_inbox_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_inbox" ADD CONSTRAINT "approval_inbox_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_inbox" ADD CONSTRAINT "approval_inbox_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_rules" ADD CONSTRAINT "approval_rules_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_decided_by_membership_id_memberships_id_fk" FOREIGN KEY ("decided_by_membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_on_behalf_of_membership_id_memberships_id_fk" FOREIGN KEY ("on_behalf_of_membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorizer_delegations" ADD CONSTRAINT "authorizer_delegations_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorizer_delegations" ADD CONSTRAINT "authorizer_delegations_delegate_membership_id_memberships_id_fk" FOREIGN KEY ("delegate_membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorizer_reminders" ADD CONSTRAINT "authorizer_reminders_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spending_limit_authorizers" ADD CONSTRAINT "spending_limit_authorizers_limit_id_spending_limits_id_fk" FOREIGN KEY ("limit_id") REFERENCES "public"."spending_limits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spending_limit_authorizers" ADD CONSTRAINT "spending_limit_authorizers_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spending_limits" ADD CONSTRAINT "spending_limits_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spending_limits" ADD CONSTRAINT "spending_limits_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_unit_id_organizations_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_priced_by_user_id_users_id_fk" FOREIGN KEY ("priced_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_inbox_page_idx" ON "approval_inbox" USING btree ("membership_id","state","submitted_at" DESC NULLS LAST,"order_id");--> statement-breakpoint
CREATE INDEX "approval_inbox_order_id_index" ON "approval_inbox" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_rules_organization_name_key" ON "approval_rules" USING btree ("organization_id",lower("name"));--> statement-breakpoint
CREATE INDEX "approval_rules_organization_id_index" ON "approval_rules" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "approval_steps_order_id_tier_index" ON "approval_steps" USING btree ("order_id","tier");--> statement-breakpoint
CREATE INDEX "approval_steps_pending_idx" ON "approval_steps" USING btree ("pending_since") WHERE "approval_steps"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "authorizer_delegations_delegate_membership_id_index" ON "authorizer_delegations" USING btree ("delegate_membership_id");--> statement-breakpoint
CREATE INDEX "spending_limit_authorizers_membership_id_index" ON "spending_limit_authorizers" USING btree ("membership_id");--> statement-breakpoint
CREATE INDEX "spending_limits_membership_id_index" ON "spending_limits" USING btree ("membership_id");--> statement-breakpoint
CREATE INDEX "spending_limits_organization_id_index" ON "spending_limits" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quote_lines_quote_line_key" ON "quote_lines" USING btree ("quote_id","line_number");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_number_key" ON "quotes" USING btree ("number");--> statement-breakpoint
CREATE INDEX "quotes_member_idx" ON "quotes" USING btree ("membership_id","requested_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "quotes_status_idx" ON "quotes" USING btree ("status","requested_at");--> statement-breakpoint
CREATE INDEX "quotes_organization_id_requested_at_index" ON "quotes" USING btree ("organization_id","requested_at" DESC NULLS LAST);