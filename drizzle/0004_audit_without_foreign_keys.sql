ALTER TABLE "statement_outcomes" DROP CONSTRAINT "statement_outcomes_statement_id_statements_id_fk";
--> statement-breakpoint
ALTER TABLE "statements" DROP CONSTRAINT "statements_session_id_gateway_sessions_id_fk";
