import { describe, expect, it } from 'vitest';
import { getEnv } from '../env';
import { demoDatabaseUrl } from './demo-database-url';

describe('demoDatabaseUrl', () => {
  it('defaults to gatehouse_demo on the store server, keeping its credentials and options', () => {
    const store = new URL(getEnv().DATABASE_URL);
    const { url, variable } = demoDatabaseUrl({});
    const demo = new URL(url);
    expect(variable).toBe('DATABASE_URL');
    expect(demo.pathname).toBe('/gatehouse_demo');
    expect([demo.host, demo.username, demo.search]).toEqual([store.host, store.username, store.search]);
  });

  it('prefers DEMO_DATABASE_URL and names it in errors', () => {
    const own = 'postgres://postgres@127.0.0.1:5432/my_demo';
    expect(demoDatabaseUrl({ DEMO_DATABASE_URL: own })).toEqual({ url: own, variable: 'DEMO_DATABASE_URL' });
    expect(() => demoDatabaseUrl({ DEMO_DATABASE_URL: 'nope' })).toThrow('DEMO_DATABASE_URL');
  });
});
