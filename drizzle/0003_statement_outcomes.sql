CREATE TABLE "statement_outcomes" (
	"statement_id" uuid PRIMARY KEY NOT NULL,
	"command_tag" text,
	"row_count" bigint,
	"sqlstate" text,
	"error_message" text,
	"duration_ms" real,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "statement_outcomes" ADD CONSTRAINT "statement_outcomes_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" DROP COLUMN "command_tag";--> statement-breakpoint
ALTER TABLE "statements" DROP COLUMN "row_count";--> statement-breakpoint
ALTER TABLE "statements" DROP COLUMN "sqlstate";--> statement-breakpoint
ALTER TABLE "statements" DROP COLUMN "error_message";--> statement-breakpoint
ALTER TABLE "statements" DROP COLUMN "duration_ms";