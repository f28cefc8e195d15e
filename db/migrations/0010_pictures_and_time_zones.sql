CREATE TABLE "product_images" (
	"key" varchar(64) NOT NULL,
	"variant" varchar(16) NOT NULL,
	"content_type" varchar(50) NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_images_key_variant_pk" PRIMARY KEY("key","variant")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "time_zone" varchar(64);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "time_zone_chosen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "picture_key" varchar(64);