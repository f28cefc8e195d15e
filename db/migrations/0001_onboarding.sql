CREATE TYPE "public"."membership_status" AS ENUM('pending', 'active', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('on_account', 'cod', 'card');--> statement-breakpoint
ALTER TYPE "public"."email_token_purpose" ADD VALUE 'instant_account';--> statement-breakpoint
CREATE TABLE "organization_profiles" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"contact_name" varchar(200) NOT NULL,
	"contact_email" varchar(320) NOT NULL,
	"phone" varchar(40) NOT NULL,
	"tax_number" varchar(50) NOT NULL,
	"address_line1" varchar(200) NOT NULL,
	"address_line2" varchar(200),
	"city" varchar(100) NOT NULL,
	"region" varchar(100),
	"postal_code" varchar(20) NOT NULL,
	"country" varchar(2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"price_list_id" uuid,
	"discount_basis_points" integer,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "customer_accounts" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"currency" char(3) NOT NULL,
	"credit_limit_minor" bigint NOT NULL,
	"payment_terms" varchar(40) NOT NULL,
	"payment_methods" "payment_method"[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "price_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(100) NOT NULL,
	"currency" char(3) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "price_lists_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "erp_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_code" varchar(50) NOT NULL,
	"email" varchar(320) NOT NULL,
	"name" varchar(200) NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "erp_customers" (
	"code" varchar(50) PRIMARY KEY NOT NULL,
	"name" varchar(200) NOT NULL,
	"is_cash_account" boolean DEFAULT false NOT NULL,
	"currency" char(3),
	"credit_limit_minor" bigint,
	"payment_terms" varchar(40),
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "erp_excluded_customers" (
	"code" varchar(50) PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "erp_customer_code" varchar(50);--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "account_rep_membership_id" uuid;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "join_code" varchar(32);--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "decided_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "status" "membership_status" DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "erp_linked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organization_profiles" ADD CONSTRAINT "organization_profiles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_price_list_id_price_lists_id_fk" FOREIGN KEY ("price_list_id") REFERENCES "public"."price_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_accounts" ADD CONSTRAINT "customer_accounts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp_contacts" ADD CONSTRAINT "erp_contacts_customer_code_erp_customers_code_fk" FOREIGN KEY ("customer_code") REFERENCES "public"."erp_customers"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_profiles_contact_email_index" ON "organization_profiles" USING btree ("contact_email");--> statement-breakpoint
CREATE INDEX "contracts_organization_id_index" ON "contracts" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "erp_contacts_customer_email_key" ON "erp_contacts" USING btree ("customer_code","email");--> statement-breakpoint
CREATE INDEX "erp_contacts_email_index" ON "erp_contacts" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_erp_customer_code_key" ON "organizations" USING btree ("erp_customer_code");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_join_code_key" ON "organizations" USING btree ("join_code");--> statement-breakpoint
CREATE INDEX "organizations_account_rep_membership_id_index" ON "organizations" USING btree ("account_rep_membership_id");--> statement-breakpoint
CREATE INDEX "memberships_pending_idx" ON "memberships" USING btree ("organization_id","created_at") WHERE "memberships"."status" = 'pending';