import type postgres from 'postgres';

export type SeedShape = { sessions: number; statementsPerSession: number; users: number; targets: number; days: number };

/**
 * Fills a store with recorded sessions in bulk, in SQL: users, targets, sessions spread over `days`,
 * and statementsPerSession statements per session with outcomes. One in 100 statements is a
 * DELETE on payments (a tenth of those blocked, a tenth held and approved), one in 10 reads
 * customers with masked rows. Reports progress per batch.
 */
export async function seedRecordings(sql: postgres.Sql, shape: SeedShape, progress: (done: number, total: number) => void): Promise<void> {
  await sql`
    insert into users (email, name, role)
    select 'bench-user-' || i || '@example.test', 'Bench user ' || i, 'user' from generate_series(1, ${shape.users}) i`;
  await sql`
    insert into targets (id, name, host, port, database, username, password_ciphertext)
    select gen_random_uuid(), 'bench-target-' || i, '127.0.0.1', 5432, 'bench', 'bench', 'not-a-real-ciphertext' from generate_series(1, ${shape.targets}) i`;
  await sql`create temporary table bench_sessions (n int primary key, id uuid not null, started timestamptz not null)`;
  await sql`
    insert into bench_sessions
    select i, gen_random_uuid(), now() - make_interval(secs => ${shape.days * 86_400}::float8 * i / ${shape.sessions}) from generate_series(0, ${shape.sessions - 1}) i`;
  await sql`
    insert into gateway_sessions (id, user_id, user_email, target_id, target_name, client_address, gateway_instance, started_at, ended_at, end_reason)
    select b.id, u.id, u.email, t.id, t.name, '127.0.0.1', 'bench', b.started, b.started + interval '30 minutes', 'client terminated'
    from bench_sessions b
    join (select id, email, row_number() over (order by email) - 1 as k from users where email like 'bench-user-%') u on u.k = b.n % ${shape.users}
    join (select id, name, row_number() over (order by name) - 1 as k from targets where name like 'bench-target-%') t on t.k = b.n % ${shape.targets}`;
  const total = shape.sessions * shape.statementsPerSession;
  const batch = 100_000;
  for (let from = 0; from < total; from += batch) {
    const to = Math.min(total, from + batch) - 1;
    await sql`
      with g as (
        select i, b.id as session_id, b.started, i % ${shape.statementsPerSession} + 1 as seq,
          case when i % 100 = 7 then 'delete' when i % 10 = 3 then 'customers' when i % 10 = 5 then 'update' else 'select' end as kind
        from generate_series(${from}::int, ${to}::int) i
        join bench_sessions b on b.n = i / ${shape.statementsPerSession}
      ), inserted as (
        insert into statements (id, session_id, seq, protocol, text, classification, decision, rule_id, rule_name, started_at)
        select gen_random_uuid(), session_id, seq, 'simple',
          case kind
            when 'delete' then 'delete from payments where id = ' || i
            when 'customers' then 'select full_name, email, card_number from customers where id = ' || i
            when 'update' then 'update orders set status = ''shipped'' where id = ' || i
            else 'select id, amount_cents, status from invoices where customer_id = ' || i end,
          case kind
            when 'delete' then '{"kinds":["delete"],"tables":["public.payments"],"functions":[],"flags":[],"commands":["DELETE"]}'::jsonb
            when 'customers' then '{"kinds":["select"],"tables":["public.customers"],"functions":[],"flags":[],"commands":["SELECT"]}'::jsonb
            when 'update' then '{"kinds":["update"],"tables":["public.orders"],"functions":[],"flags":[],"commands":["UPDATE"]}'::jsonb
            else '{"kinds":["select"],"tables":["public.invoices"],"functions":[],"flags":[],"commands":["SELECT"]}'::jsonb end,
          case when kind = 'delete' and i % 1000 = 7 then 'block' when kind = 'delete' and i % 1000 = 107 then 'require_approval' else 'allow' end,
          case when kind = 'delete' then 'default-approve-write' end,
          case when kind = 'delete' then 'Writes need approval' end,
          started + make_interval(secs => seq * 2)
        from g
        returning id, session_id, text, decision
      )
      insert into statement_outcomes (statement_id, session_id, command_tag, row_count, duration_ms, masked, columns, rows)
      select id, session_id,
        case when decision = 'block' then null when text like 'delete%' then 'DELETE 1' when text like 'update%' then 'UPDATE 1' else 'SELECT 1' end,
        case when decision = 'block' then null else 1 end,
        0.4 + random(),
        text like '%customers%',
        case when text like '%customers%' then '[{"name":"full_name","typeOid":25},{"name":"email","typeOid":25},{"name":"card_number","typeOid":25}]'::jsonb end,
        case when text like '%customers%' then '[["Ada Lovelace","****@example.com","************4242"]]'::jsonb end
      from inserted`;
    progress(to + 1, total);
  }
  await sql`analyze`;
}
