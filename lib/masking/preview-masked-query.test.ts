import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb, uniqueName } from '@/test/db';
import { makeActor } from '@/test/actors';
import { getEnv } from '@/lib/env';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { createTarget } from '@/lib/targets/create-target';
import { createScratchTarget, dropScratchTarget, type ScratchTarget } from '@/test/scratch-target';
import type { MaskingRule } from './masking-schema';
import { previewMaskedQuery, PREVIEW_ROWS } from './preview-masked-query';

const { db } = setupTestDb();
let scratch: ScratchTarget;
let targetName: string;

const RULES: MaskingRule[] = [
  { id: 'email', name: 'E-mail', enabled: true, match: { type: 'column', column: 'public.customers.email' }, strategy: { type: 'email-domain' }, exempt: { roles: ['approver'] } },
  { id: 'nid', name: 'National id', enabled: true, strict: true, match: { type: 'column', column: 'public.customers.national_id' }, strategy: { type: 'redact' } },
  { id: 'card', name: 'Cards', enabled: true, match: { type: 'detector', detector: 'payment-card' }, strategy: { type: 'redact' } },
];

beforeAll(async () => {
  scratch = await createScratchTarget(getEnv().DATABASE_URL);
  await scratch.seed(`
    create table customers (id int, email text, national_id text, notes text);
    insert into customers select i, 'person' || i || '@example.com', 'NI-' || i, case when i = 1 then 'card 4111 1111 1111 1111' else 'none' end from generate_series(1, 60) i;
  `);
  targetName = uniqueName('preview');
  await createTarget(db, {
    actor: CLI_ACTOR,
    input: { name: targetName, host: scratch.host, port: scratch.port, database: scratch.database, username: scratch.username, password: scratch.password, tlsMode: 'disable' },
  });
});

afterAll(async () => {
  if (scratch) await dropScratchTarget(scratch);
});

describe('previewMaskedQuery', () => {
  it('shows the result as the chosen user would see it through the gateway, with the draft rules', async () => {
    const admin = await makeActor(db, 'admin');
    const user = await makeActor(db, 'user');
    const preview = await previewMaskedQuery(db, { actor: admin, idOrName: targetName, sql: 'select id, email, upper(email) as up, national_id, notes from customers order by id', rules: RULES, asUserId: user.id! });
    expect(preview.columns).toEqual([
      { name: 'id', maskedBy: null },
      { name: 'email', maskedBy: 'E-mail' },
      { name: 'up', maskedBy: 'redacted: computed from masked columns (E-mail, National id)' },
      { name: 'national_id', maskedBy: 'National id' },
      { name: 'notes', maskedBy: null },
    ]);
    expect(preview.rows[0]).toEqual(['1', '****@example.com', '[redacted]', '[redacted]', 'card [redacted card number]']);
    expect(preview.rows).toHaveLength(PREVIEW_ROWS);
    expect(preview.truncated).toBe(true);
  });

  it('honours exemptions of the chosen user', async () => {
    const admin = await makeActor(db, 'admin');
    const approver = await makeActor(db, 'approver');
    const preview = await previewMaskedQuery(db, { actor: admin, idOrName: targetName, sql: 'select email from customers where id = 2', rules: RULES, asUserId: approver.id! });
    expect(preview.rows).toEqual([['person2@example.com']]);
  });

  it('refuses what the gateway would refuse, anything but one SELECT, and non-admins', async () => {
    const admin = await makeActor(db, 'admin');
    const user = await makeActor(db, 'user');
    const base = { actor: admin, idOrName: targetName, rules: RULES, asUserId: user.id! };
    await expect(previewMaskedQuery(db, { ...base, sql: "select id from customers where national_id = 'NI-1'" })).rejects.toThrow(/would refuse .* may not be used to filter/);
    await expect(previewMaskedQuery(db, { ...base, sql: 'delete from customers' })).rejects.toThrow(/exactly one SELECT/);
    await expect(previewMaskedQuery(db, { ...base, sql: 'select 1; select 2' })).rejects.toThrow(/exactly one SELECT/);
    await expect(previewMaskedQuery(db, { ...base, sql: 'select national_id::int from customers' })).rejects.toThrow(/message withheld .*22P02/);
    await expect(previewMaskedQuery(db, { ...base, actor: user, sql: 'select 1' })).rejects.toThrow(/admin/);
  });
});
