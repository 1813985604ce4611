-- Full-text search over recorded statements: dots and quotes split names, so "payments" finds public."payments".
ALTER TABLE "statements" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, translate("text", '."', '  '))) STORED;--> statement-breakpoint
CREATE INDEX "statements_search_idx" ON "statements" USING gin ("search");--> statement-breakpoint
CREATE INDEX "gateway_sessions_target_idx" ON "gateway_sessions" USING btree ("target_id", "started_at");--> statement-breakpoint
CREATE INDEX "statements_approval_idx" ON "statements" USING btree ("approval_id") WHERE "approval_id" IS NOT NULL;--> statement-breakpoint
-- A session row may be ended once; who, where and when it started never change.
CREATE FUNCTION gatehouse_guard_session_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.user_email IS DISTINCT FROM OLD.user_email OR NEW.target_name IS DISTINCT FROM OLD.target_name
     OR NEW.started_at IS DISTINCT FROM OLD.started_at OR NEW.client_address IS DISTINCT FROM OLD.client_address
     OR NEW.gateway_instance IS DISTINCT FROM OLD.gateway_instance THEN
    RAISE EXCEPTION 'gateway_sessions: a recorded session cannot be changed' USING ERRCODE = '42501';
  END IF;
  IF OLD.ended_at IS NOT NULL AND (NEW.ended_at IS DISTINCT FROM OLD.ended_at OR NEW.end_reason IS DISTINCT FROM OLD.end_reason) THEN
    RAISE EXCEPTION 'gateway_sessions: an ended session cannot be changed' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER gateway_sessions_guard BEFORE UPDATE ON gateway_sessions FOR EACH ROW EXECUTE FUNCTION gatehouse_guard_session_update();--> statement-breakpoint
-- Retention: the only way the application's role can delete recordings. It runs as the owner, reads
-- each target's retentionDays itself (at least 1 day) and deletes whole ended sessions, oldest first.
CREATE FUNCTION gatehouse_purge_expired_recordings(p_limit integer)
RETURNS TABLE (session_id uuid, target_id uuid, target_name text, ended_at timestamptz, statement_count bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN QUERY
  WITH expired AS (
    SELECT s.id, s.target_id, s.target_name, s.ended_at FROM gateway_sessions s
    JOIN target_policies p ON p.target_id = s.target_id
    WHERE s.ended_at IS NOT NULL AND jsonb_typeof(p.settings->'retentionDays') = 'number'
      AND s.ended_at < now() - make_interval(days => greatest(1, (p.settings->>'retentionDays')::int))
    ORDER BY s.ended_at LIMIT greatest(0, least(p_limit, 5000))
    FOR UPDATE OF s SKIP LOCKED
  ), gone_outcomes AS (
    DELETE FROM statement_outcomes o USING statements st, expired e WHERE o.statement_id = st.id AND st.session_id = e.id
  ), gone_statements AS (
    DELETE FROM statements st USING expired e WHERE st.session_id = e.id RETURNING st.session_id
  ), gone AS (
    DELETE FROM gateway_sessions s USING expired e WHERE s.id = e.id RETURNING s.id, s.target_id, s.target_name, s.ended_at
  )
  SELECT g.id, g.target_id, g.target_name, g.ended_at, (SELECT count(*) FROM gone_statements gs WHERE gs.session_id = g.id)
  FROM gone g;
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION gatehouse_purge_expired_recordings(integer) FROM PUBLIC;
