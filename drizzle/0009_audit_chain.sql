CREATE TABLE "audit_events" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_email" text NOT NULL,
	"actor_role" text,
	"actor_address" text,
	"action" text NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"summary" text NOT NULL,
	"details" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_events_id_unique" UNIQUE("id")
);
--> statement-breakpoint
ALTER TABLE "statement_outcomes" ALTER COLUMN "duration_ms" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "statement_outcomes" ADD COLUMN "masked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "statement_outcomes" ADD COLUMN "columns" jsonb;--> statement-breakpoint
ALTER TABLE "statement_outcomes" ADD COLUMN "rows" jsonb;--> statement-breakpoint
ALTER TABLE "statement_outcomes" ADD COLUMN "rows_truncated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "statement_outcomes" ADD COLUMN "link" integer;--> statement-breakpoint
ALTER TABLE "statement_outcomes" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "statement_outcomes" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "statements" ADD COLUMN "link" integer;--> statement-breakpoint
ALTER TABLE "statements" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "statements" ADD COLUMN "hash" text;--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "audit_events_subject_idx" ON "audit_events" USING btree ("subject_type","subject_id");