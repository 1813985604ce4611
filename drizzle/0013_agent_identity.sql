CREATE TABLE "portal_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "oidc_subject" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "target_ids" uuid[];--> statement-breakpoint
ALTER TABLE "access_tokens" ADD COLUMN "acting_for" jsonb;--> statement-breakpoint
ALTER TABLE "gateway_sessions" ADD COLUMN "auth_method" text DEFAULT 'token' NOT NULL;--> statement-breakpoint
ALTER TABLE "gateway_sessions" ADD COLUMN "acting_for" jsonb;--> statement-breakpoint
ALTER TABLE "portal_settings" ADD CONSTRAINT "portal_settings_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_oidc_subject_unique" UNIQUE("oidc_subject");