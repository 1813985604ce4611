import { afterEach, describe, expect, it } from 'vitest';
import { getEnv, resetEnvForTests } from './env';

const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

describe('environment', () => {
  it('names the bad variable', () => {
    process.env.DATABASE_URL = 'not a url';
    process.env.GATEWAY_PG_PORT = '99999';
    resetEnvForTests();
    expect(() => getEnv()).toThrow(/DATABASE_URL: .*\n.*GATEWAY_PG_PORT/s);
  });

  it('refuses a master key of the wrong size', () => {
    process.env.GATEHOUSE_MASTER_KEY = Buffer.alloc(16).toString('base64');
    resetEnvForTests();
    expect(() => getEnv()).toThrow(/GATEHOUSE_MASTER_KEY: must be 32 bytes/);
  });

  it('requires the OIDC settings together', () => {
    process.env.OIDC_ISSUER = 'https://idp.example.test';
    resetEnvForTests();
    expect(() => getEnv()).toThrow(/must be set together/);
  });

  it('applies the documented defaults', () => {
    delete process.env.REDIS_URL;
    delete process.env.GATEWAY_PG_PORT;
    resetEnvForTests();
    expect(getEnv()).toMatchObject({ REDIS_URL: 'redis://127.0.0.1:6379', GATEWAY_PG_PORT: 15432, PORT: 3000 });
  });
});
