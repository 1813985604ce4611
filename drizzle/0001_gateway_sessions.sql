CREATE TABLE "gateway_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"user_email" text NOT NULL,
	"token_id" uuid,
	"target_id" uuid,
	"target_name" text NOT NULL,
	"protocol" text DEFAULT 'postgres' NOT NULL,
	"client_address" text,
	"application_name" text,
	"gateway_instance" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text
);
--> statement-breakpoint
CREATE TABLE "statements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"protocol" text NOT NULL,
	"text" text NOT NULL,
	"params" jsonb,
	"classification" jsonb,
	"decision" text NOT NULL,
	"rule_id" text,
	"rule_name" text,
	"message" text,
	"command_tag" text,
	"row_count" bigint,
	"sqlstate" text,
	"error_message" text,
	"started_at" timestamp with time zone NOT NULL,
	"duration_ms" real
);
--> statement-breakpoint
CREATE TABLE "target_policies" (
	"target_id" uuid PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "gateway_sessions" ADD CONSTRAINT "gateway_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_sessions" ADD CONSTRAINT "gateway_sessions_token_id_access_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."access_tokens"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_sessions" ADD CONSTRAINT "gateway_sessions_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_session_id_gateway_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."gateway_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_policies" ADD CONSTRAINT "target_policies_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_policies" ADD CONSTRAINT "target_policies_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gateway_sessions_started_idx" ON "gateway_sessions" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "gateway_sessions_user_idx" ON "gateway_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "statements_session_seq_idx" ON "statements" USING btree ("session_id","seq");--> statement-breakpoint
CREATE INDEX "statements_started_idx" ON "statements" USING btree ("started_at");