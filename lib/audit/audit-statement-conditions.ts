import { sql, type SQL } from 'drizzle-orm';
import type { AuditFilter } from './audit-filter';

/** Filters that can leave few statements out of many: worth probing for their matches (audit-statement-query.ts). */
export function isNarrowing(f: AuditFilter): boolean {
  return Boolean(f.q || f.actor || f.target || f.decision || f.statementKind || f.table);
}

/**
 * The filter as SQL conditions. For the walk, the narrowing conditions are wrapped so that no
 * index can serve them: the probe found many matches, so walking the time index finds a page
 * quickly, while a plan that collects every match through an index (the planner's guess of how
 * many there are is often far too low) and sorts them is slow.
 */
export function statementConditions(f: AuditFilter, plan: 'probe' | 'walk'): SQL {
  const where: SQL[] = [sql`true`];
  const narrow = (condition: SQL) => where.push(plan === 'probe' ? condition : sql`coalesce(${condition}, false)`);
  if (f.cursor) {
    // The plain bound lets the planner walk statements_started_idx; the row comparison breaks ties.
    where.push(sql`s.started_at <= ${f.cursor.at}::timestamptz`);
    where.push(sql`(s.started_at, s.id) < (${f.cursor.at}::timestamptz, ${f.cursor.id}::uuid)`);
  }
  if (f.from) where.push(sql`s.started_at >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) where.push(sql`s.started_at < ${f.to.toISOString()}::timestamptz`);
  // The stored vector split names at dots (public.payments -> public, payments): split the words the same way.
  if (f.q) narrow(sql`s.search @@ websearch_to_tsquery('simple', translate(${f.q}, '.', ' '))`);
  if (f.actor) narrow(sql`lower(g.user_email) = ${f.actor}`);
  if (f.target) narrow(sql`g.target_name = ${f.target}`);
  if (f.decision) narrow(sql`s.decision = ${f.decision}`);
  if (f.statementKind) {
    const probe = 'kind' in f.statementKind ? { kinds: [f.statementKind.kind] } : { commands: [f.statementKind.command] };
    narrow(sql`s.classification @> ${JSON.stringify(probe)}::jsonb`);
  }
  if (f.table) narrow(tableCondition(f.table));
  return sql.join(where, sql` and `);
}

/**
 * 'public.payments' is matched exactly as the classifier wrote it (GIN-indexable); 'payments' in
 * any schema and any case. For the bare name a LIKE on the array's JSON text first passes only
 * rows that can match (names hold no character JSON escapes: the filter refuses quotes and
 * backslashes), so the exact per-element check runs on few rows.
 */
function tableCondition(table: string): SQL {
  if (table.includes('.')) return sql`s.classification @> ${JSON.stringify({ tables: [table] })}::jsonb`;
  const like = table.toLowerCase().replace(/[%_]/g, (c) => `\\${c}`);
  return sql`(lower(s.classification->>'tables') like ${`%.${like}"%`} or lower(s.classification->>'tables') like ${`%"${like}"%`})
    and exists (select 1 from jsonb_array_elements_text(s.classification->'tables') as t(name)
      where lower(t.name) = lower(${table}) or lower(right(t.name, ${table.length + 1})) = lower(${`.${table}`}))`;
}
