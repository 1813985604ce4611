import { describe, expect, it } from 'vitest';
import { setupTestDb, uniqueName } from '@/test/db';
import { makeActor } from '@/test/actors';
import { setupTargetDatabase } from '@/test/target-database';
import { createTarget } from './create-target';
import { listTargetColumns } from './list-target-columns';

const { db } = setupTestDb();
const real = setupTargetDatabase();

async function register(overrides: Record<string, unknown> = {}) {
  const admin = await makeActor(db, 'admin');
  const input = { name: uniqueName('cols'), host: real.host, port: real.port, database: real.database, username: real.username, password: real.password, tlsMode: 'disable' as const };
  return { admin, target: await createTarget(db, { actor: admin, input: { ...input, ...overrides } }) };
}

describe('listTargetColumns', () => {
  it('lists tables, views, materialized views and foreign tables in user schemas, in order, with types', async () => {
    await real.seed(`
      create table customers (id int, email text, gone text, card_number varchar(19));
      alter table customers drop column gone;
      create schema sales;
      create table sales.orders (id bigint, total numeric(10,2));
      create view contacts as select id, email from customers;
      create materialized view mails as select lower(email) as e from customers;
      create foreign data wrapper columns_test_fdw;
      create server columns_test_server foreign data wrapper columns_test_fdw;
      create foreign table remote_cards (pan text) server columns_test_server;
      create sequence not_listed_seq;
      create index not_listed_idx on customers (email);
    `);
    const { admin, target } = await register();
    const columns = await listTargetColumns(db, { actor: admin, idOrName: target.name });
    expect(columns).toEqual([
      { schema: 'public', table: 'contacts', column: 'id', type: 'integer' },
      { schema: 'public', table: 'contacts', column: 'email', type: 'text' },
      { schema: 'public', table: 'customers', column: 'id', type: 'integer' },
      { schema: 'public', table: 'customers', column: 'email', type: 'text' },
      { schema: 'public', table: 'customers', column: 'card_number', type: 'character varying(19)' },
      { schema: 'public', table: 'mails', column: 'e', type: 'text' },
      { schema: 'public', table: 'remote_cards', column: 'pan', type: 'text' },
      { schema: 'sales', table: 'orders', column: 'id', type: 'bigint' },
      { schema: 'sales', table: 'orders', column: 'total', type: 'numeric(10,2)' },
    ]);
  });

  it('is for admins only', async () => {
    const { target } = await register();
    const auditor = await makeActor(db, 'auditor');
    await expect(listTargetColumns(db, { actor: auditor, idOrName: target.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('reports an unreachable target or a missing database as UNAVAILABLE with the message of the driver', async () => {
    const { admin, target } = await register({ port: 1 });
    const failure = listTargetColumns(db, { actor: admin, idOrName: target.id, timeoutSeconds: 2 });
    await expect(failure).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('ECONNREFUSED') });
    const missing = await register({ database: uniqueName('no_such_db').replace('-', '_') });
    await expect(listTargetColumns(db, { actor: missing.admin, idOrName: missing.target.id })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/^The target's schema cannot be read: 3D000: database ".+" does not exist$/),
    });
  });

  it('answers NOT_FOUND for an unknown target', async () => {
    const admin = await makeActor(db, 'admin');
    await expect(listTargetColumns(db, { actor: admin, idOrName: uniqueName('nope') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
