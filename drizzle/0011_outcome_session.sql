ALTER TABLE "statement_outcomes" ADD COLUMN "session_id" uuid;--> statement-breakpoint
CREATE INDEX "statement_outcomes_masked_session_idx" ON "statement_outcomes" USING btree ("session_id") WHERE "statement_outcomes"."masked";--> statement-breakpoint
CREATE INDEX "statements_session_flagged_idx" ON "statements" USING btree ("session_id","decision") WHERE "statements"."decision" <> 'allow';--> statement-breakpoint
UPDATE "statement_outcomes" o SET "session_id" = s."session_id" FROM "statements" s WHERE s."id" = o."statement_id" AND o."session_id" IS NULL;
