import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';

// Workers re-read this file; the run's names are fixed once in the environment so every process agrees.
process.env.E2E_SUFFIX ??= `${process.pid}_${randomBytes(3).toString('hex')}`;
const suffix = process.env.E2E_SUFFIX;
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const oidcPort = Number((process.env.E2E_OIDC_PORT ??= String(30000 + (process.pid % 5000))));

/**
 * The run's OpenID Provider (test/oidc-provider.ts), started by e2e/global-setup.ts. Playwright
 * starts the web server before global setup; that is enough because the portal reads the
 * provider's discovery document only when someone signs in with it.
 */
export const E2E_OIDC = {
  port: oidcPort,
  issuer: `http://127.0.0.1:${oidcPort}`,
  portalClientId: 'gatehouse-portal-e2e',
  portalClientSecret: (process.env.E2E_OIDC_CLIENT_SECRET ??= randomBytes(24).toString('hex')),
  redirectUri: `${baseURL}/api/auth/callback/oidc`,
  agentClientId: 'e2e-agent',
  agentClientSecret: (process.env.E2E_OIDC_AGENT_SECRET ??= randomBytes(24).toString('hex')),
  audience: 'urn:gatehouse:gateway',
  groupRoles: 'e2e-admins=admin,e2e-auditors=auditor,e2e-oncall=approver',
};

export const E2E_ENV = {
  DATABASE_URL: `postgres://postgres@127.0.0.1:5432/gatehouse_e2e_${suffix}`,
  DEMO_DATABASE_URL: `postgres://postgres@127.0.0.1:5432/gatehouse_e2e_demo_${suffix}`,
  REDIS_PREFIX: `gatehouse_e2e_${suffix}`,
  GATEHOUSE_MASTER_KEY: (process.env.E2E_MASTER_KEY ??= randomBytes(32).toString('base64')),
  NEXTAUTH_SECRET: (process.env.E2E_NEXTAUTH_SECRET ??= randomBytes(32).toString('hex')),
  NEXTAUTH_URL: baseURL,
  PUBLIC_URL: baseURL,
  PORT: String(port),
  GATEWAY_PG_PORT: (process.env.E2E_GATEWAY_PORT ??= String(25000 + (process.pid % 5000))),
  GATEHOUSE_ENV_FILE: `/tmp/gatehouse-e2e-${suffix}.env`,
  OIDC_ISSUER: E2E_OIDC.issuer,
  OIDC_CLIENT_ID: E2E_OIDC.portalClientId,
  OIDC_CLIENT_SECRET: E2E_OIDC.portalClientSecret,
  OIDC_AGENT_AUDIENCE: E2E_OIDC.audience,
  OIDC_GROUP_ROLES: E2E_OIDC.groupRoles,
};
Object.assign(process.env, E2E_ENV);

export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  forbidOnly: Boolean(process.env.CI),
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: './bin/gatehouse start',
    url: `${baseURL}/signin`,
    timeout: 400_000,
    reuseExistingServer: false,
    env: E2E_ENV,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
