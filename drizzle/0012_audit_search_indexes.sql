-- Indexes for the audit search (lib/audit/audit-statement-conditions.ts, audit-event-query.ts use these exact expressions).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "statements_classification_idx" ON "statements" USING gin ("classification" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "statements_tables_trgm_idx" ON "statements" USING gin (lower("classification"->>'tables') gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "audit_events_text_trgm_idx" ON "audit_events" USING gin (("summary" || ' ' || "action" || ' ' || "actor_email") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "gateway_sessions_user_email_idx" ON "gateway_sessions" (lower("user_email"));--> statement-breakpoint
CREATE INDEX "gateway_sessions_target_name_idx" ON "gateway_sessions" ("target_name");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" (lower("actor_email"), "at");--> statement-breakpoint
CREATE INDEX "audit_events_target_idx" ON "audit_events" (("details"->>'targetName'), "at");
