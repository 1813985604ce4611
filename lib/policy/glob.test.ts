import { expect, it } from 'vitest';
import { matchesGlob } from './glob';

it.each([
  ['public.payments', 'public.payments', true],
  ['public.pay*', 'public.payments', true],
  ['public.pay*', 'billing.payments', false],
  ['*.secrets', 'vault.secrets', true],
  ['*.secrets', 'vault.secrets_old', false],
  ['secrets', 'vault.secrets', true],
  ['secrets', 'secrets', true],
  ['set_config', 'pg_catalog.set_config', true],
  ['pg_catalog.*', 'pg_catalog.pg_authid', true],
  ['public.t?', 'public.t1', true],
  ['public.t?', 'public.t12', false],
  ['public.a.b', 'publicXa.b', false],
  ['*', 'anything.at.all', true],
  ['(a|b)', 'a', false],
  ['public.PAYMENTS', 'public.payments', true],
])('%s ~ %s: %s', (glob, name, expected) => expect(matchesGlob(glob, name)).toBe(expected));

it('can match case-sensitively', () => {
  expect(matchesGlob('public.Payments', 'public.payments', true)).toBe(false);
  expect(matchesGlob('public.Payments', 'public.Payments', true)).toBe(true);
});
