CREATE TYPE "public"."approval_status" AS ENUM('pending', 'approved', 'denied', 'expired', 'withdrawn', 'aborted');--> statement-breakpoint
CREATE TABLE "approval_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"approver_id" uuid,
	"approver_email" text NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_decisions_request_approver_uniq" UNIQUE("request_id","approver_id"),
	CONSTRAINT "approval_decisions_decision_check" CHECK ("approval_decisions"."decision" in ('approve', 'deny'))
);
--> statement-breakpoint
CREATE TABLE "approval_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_id" uuid,
	"target_name" text NOT NULL,
	"session_id" uuid,
	"requester_id" uuid,
	"requester_email" text NOT NULL,
	"token_id" uuid,
	"statement_text" text NOT NULL,
	"params" jsonb,
	"classification" jsonb,
	"rule_id" text,
	"rule_name" text,
	"held_reason" text NOT NULL,
	"binding_hash" text NOT NULL,
	"status" "approval_status" DEFAULT 'pending' NOT NULL,
	"required_approvals" integer DEFAULT 1 NOT NULL,
	"approver_roles" text[] DEFAULT '{approver,admin}'::text[] NOT NULL,
	"wait_mode" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"gateway_instance" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_email" text,
	"decision_reason" text,
	"consumed_at" timestamp with time zone,
	CONSTRAINT "approval_requests_wait_mode_check" CHECK ("approval_requests"."wait_mode" in ('wait', 'dont_wait')),
	CONSTRAINT "approval_requests_required_approvals_check" CHECK ("approval_requests"."required_approvals" >= 1)
);
--> statement-breakpoint
ALTER TABLE "approval_decisions" ADD CONSTRAINT "approval_decisions_request_id_approval_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."approval_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_decisions" ADD CONSTRAINT "approval_decisions_approver_id_users_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_requester_id_users_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_requests_status_created_idx" ON "approval_requests" USING btree ("status","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "approval_requests_binding_hash_idx" ON "approval_requests" USING btree ("binding_hash");