import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { getEnv } from '../env';
import { dropDemoDatabase } from './drop-demo-database';
import { ensureDemoDatabase } from './ensure-demo-database';

const url = new URL(getEnv().DATABASE_URL);
url.pathname = `/gatehouse_demo_test_${randomBytes(4).toString('hex')}`;
const target = { url: url.toString(), variable: 'DEMO_DATABASE_URL' };
const role = url.pathname.slice(1);
const admin = postgres(target.url.replace(/\/[^/]+$/, '/postgres'), { max: 1, onnotice: () => {} });

afterAll(async () => {
  await dropDemoDatabase(target.url);
  expect(await admin`select 1 from pg_roles where rolname = ${role}`).toHaveLength(0);
  await admin.end();
});

describe('ensureDemoDatabase', () => {
  it('creates the database, role and data once, and rotates the password on every call', async () => {
    const first = await ensureDemoDatabase(target);
    expect(first).toMatchObject({ host: url.hostname, port: Number(url.port || 5432), database: role, username: role });

    const demo = postgres(target.url, { max: 1, onnotice: () => {} });
    try {
      const counts = async () => (await demo`select (select count(*)::int from customers) as c, (select count(*)::int from payments) as p`)[0];
      expect(await counts()).toEqual({ c: 500, p: 2000 });
      const [hashBefore] = await demo`select rolpassword from pg_authid where rolname = ${role}`;

      const second = await ensureDemoDatabase(target);
      expect(second.password).not.toBe(first.password);
      expect(await counts()).toEqual({ c: 500, p: 2000 });
      const [hashAfter] = await demo`select rolpassword from pg_authid where rolname = ${role}`;
      expect(hashAfter!.rolpassword).not.toBe(hashBefore!.rolpassword);

      const [grants] = await demo`select has_table_privilege(${role}, 'customers', 'select, insert, update, delete') as ok`;
      expect(grants!.ok).toBe(true);
    } finally {
      await demo.end();
    }
  });
});
