CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"key_hash" text NOT NULL,
	"label" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"isv_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"data" jsonb,
	CONSTRAINT "events_type" CHECK ("events"."type" in ('created', 'cloned', 'used', 'deactivated'))
);
--> statement-breakpoint
CREATE TABLE "isv_counters" (
	"isv_id" uuid PRIMARY KEY NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"restricted" integer DEFAULT 0 NOT NULL,
	"complete" integer DEFAULT 0 NOT NULL,
	"open_no_end" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "isv_open_end_counts" (
	"isv_id" uuid NOT NULL,
	"end_at" timestamp (3) with time zone NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "isv_open_end_counts_isv_id_end_at_pk" PRIMARY KEY("isv_id","end_at")
);
--> statement-breakpoint
CREATE TABLE "isv_resellers" (
	"isv_id" uuid NOT NULL,
	"reseller_id" uuid NOT NULL,
	CONSTRAINT "isv_resellers_isv_id_reseller_id_pk" PRIMARY KEY("isv_id","reseller_id")
);
--> statement-breakpoint
CREATE TABLE "isvs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"reseller_id" uuid NOT NULL,
	"buyer_account_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"isv_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"product_name" text NOT NULL,
	"reseller_id" uuid NOT NULL,
	"reseller_name" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"discount_bps" integer NOT NULL,
	"duration_type" text NOT NULL,
	"end_at" timestamp (3) with time zone,
	"restricted_at" timestamp (3) with time zone,
	"times_used" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL,
	"cloned_from_id" uuid,
	CONSTRAINT "opportunities_duration_type" CHECK ("opportunities"."duration_type" in ('single-use', 'specific-duration', 'no-set-duration')),
	CONSTRAINT "opportunities_discount" CHECK ("opportunities"."discount_bps" between 1 and 10000),
	CONSTRAINT "opportunities_times_used" CHECK ("opportunities"."times_used" >= 0),
	CONSTRAINT "opportunities_single_use_once" CHECK ("opportunities"."duration_type" <> 'single-use' or "opportunities"."times_used" <= 1),
	CONSTRAINT "opportunities_end_at_by_type" CHECK (("opportunities"."duration_type" <> 'specific-duration' or "opportunities"."end_at" is not null) and ("opportunities"."duration_type" <> 'no-set-duration' or "opportunities"."end_at" is null))
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"isv_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_isv_id_key" UNIQUE("isv_id","id")
);
--> statement-breakpoint
CREATE TABLE "resellers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"isv_id" uuid,
	"reseller_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_one_org" CHECK (num_nonnulls("users"."isv_id", "users"."reseller_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_isv_id_isvs_id_fk" FOREIGN KEY ("isv_id") REFERENCES "public"."isvs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isv_counters" ADD CONSTRAINT "isv_counters_isv_id_isvs_id_fk" FOREIGN KEY ("isv_id") REFERENCES "public"."isvs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isv_open_end_counts" ADD CONSTRAINT "isv_open_end_counts_isv_id_isvs_id_fk" FOREIGN KEY ("isv_id") REFERENCES "public"."isvs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isv_resellers" ADD CONSTRAINT "isv_resellers_isv_id_isvs_id_fk" FOREIGN KEY ("isv_id") REFERENCES "public"."isvs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isv_resellers" ADD CONSTRAINT "isv_resellers_reseller_id_resellers_id_fk" FOREIGN KEY ("reseller_id") REFERENCES "public"."resellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_reseller_id_resellers_id_fk" FOREIGN KEY ("reseller_id") REFERENCES "public"."resellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_isv_id_isvs_id_fk" FOREIGN KEY ("isv_id") REFERENCES "public"."isvs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_reseller_id_resellers_id_fk" FOREIGN KEY ("reseller_id") REFERENCES "public"."resellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_product_same_isv_fk" FOREIGN KEY ("isv_id","product_id") REFERENCES "public"."products"("isv_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_reseller_partner_fk" FOREIGN KEY ("isv_id","reseller_id") REFERENCES "public"."isv_resellers"("isv_id","reseller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_cloned_from_fk" FOREIGN KEY ("cloned_from_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_isv_id_isvs_id_fk" FOREIGN KEY ("isv_id") REFERENCES "public"."isvs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_isv_id_isvs_id_fk" FOREIGN KEY ("isv_id") REFERENCES "public"."isvs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_reseller_id_resellers_id_fk" FOREIGN KEY ("reseller_id") REFERENCES "public"."resellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_key_hash_idx" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "events_opportunity_idx" ON "events" USING btree ("opportunity_id","at");--> statement-breakpoint
CREATE INDEX "isv_resellers_reseller_idx" ON "isv_resellers" USING btree ("reseller_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offers_reseller_key_idx" ON "offers" USING btree ("reseller_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "offers_opportunity_idx" ON "offers" USING btree ("opportunity_id","created_at");--> statement-breakpoint
CREATE INDEX "opp_isv_created_idx" ON "opportunities" USING btree ("isv_id","created_at","id");--> statement-breakpoint
CREATE INDEX "opp_isv_name_idx" ON "opportunities" USING btree ("isv_id","name","id");--> statement-breakpoint
CREATE INDEX "opp_isv_product_name_idx" ON "opportunities" USING btree ("isv_id","product_name","id");--> statement-breakpoint
CREATE INDEX "opp_isv_reseller_name_idx" ON "opportunities" USING btree ("isv_id","reseller_name","id");--> statement-breakpoint
CREATE INDEX "opp_isv_times_used_idx" ON "opportunities" USING btree ("isv_id","times_used","id");--> statement-breakpoint
CREATE INDEX "opp_isv_discount_idx" ON "opportunities" USING btree ("isv_id","discount_bps","id");--> statement-breakpoint
CREATE INDEX "opp_isv_id_idx" ON "opportunities" USING btree ("isv_id","id");--> statement-breakpoint
CREATE INDEX "opp_isv_product_idx" ON "opportunities" USING btree ("isv_id","product_id","created_at");--> statement-breakpoint
CREATE INDEX "opp_isv_reseller_idx" ON "opportunities" USING btree ("isv_id","reseller_id","created_at");--> statement-breakpoint
CREATE INDEX "opp_reseller_created_idx" ON "opportunities" USING btree ("reseller_id","created_at","id");--> statement-breakpoint
CREATE INDEX "opp_reseller_id_idx" ON "opportunities" USING btree ("reseller_id","id");--> statement-breakpoint
CREATE INDEX "opp_isv_restricted_idx" ON "opportunities" USING btree ("isv_id","created_at") WHERE ("opportunities"."restricted_at" is not null);--> statement-breakpoint
CREATE INDEX "opp_isv_complete_idx" ON "opportunities" USING btree ("isv_id","created_at") WHERE (("opportunities"."duration_type" = 'single-use' and "opportunities"."times_used" >= 1) and not ("opportunities"."restricted_at" is not null));--> statement-breakpoint
CREATE INDEX "opp_isv_open_end_idx" ON "opportunities" USING btree ("isv_id","end_at") WHERE (not ("opportunities"."restricted_at" is not null) and not ("opportunities"."duration_type" = 'single-use' and "opportunities"."times_used" >= 1));