import { assertLocalDatabaseUrl } from '../test/local-url';
import { startOidcProvider, type OidcAccount } from '../test/oidc-provider';
import { dropDatabase } from '../lib/db/ensure-database';
import { dropDemoDatabase } from '../lib/demo/drop-demo-database';
import { E2E_OIDC } from '../playwright.config';

/** People the run's identity provider knows, by login name; e2e/sso.spec.ts signs in as them. */
export function ssoAccounts(suffix = process.env.E2E_SUFFIX!) {
  const account = (name: string, groups: string[]): OidcAccount & { login: string } => ({
    login: `sso-${name}-${suffix}`,
    email: `sso-${name}-${suffix}@e2e.test`,
    name: `SSO ${name}`,
    groups,
  });
  return {
    oncall: account('oncall', ['e2e-auditors', 'e2e-oncall', 'everyone']),
    newcomer: account('newcomer', ['e2e-auditors']),
    outsider: account('outsider', ['everyone']),
  };
}

/**
 * The web server creates and migrates the run's store at start; global setup starts the run's
 * OpenID Provider (before any test signs in with it) and, at the end, stops it and drops the
 * store and the run's demo copy.
 */
export default async function globalSetup() {
  const store = process.env.DATABASE_URL!;
  const demo = process.env.DEMO_DATABASE_URL!;
  [store, demo].forEach(assertLocalDatabaseUrl);
  const provider = await startOidcProvider({
    port: E2E_OIDC.port,
    audience: E2E_OIDC.audience,
    webClient: { clientId: E2E_OIDC.portalClientId, clientSecret: E2E_OIDC.portalClientSecret, redirectUris: [E2E_OIDC.redirectUri] },
    agents: [{ clientId: E2E_OIDC.agentClientId, clientSecret: E2E_OIDC.agentClientSecret }],
    accounts: Object.fromEntries(Object.values(ssoAccounts()).map(({ login, ...account }) => [login, account])),
  }).catch((e: unknown) => {
    throw new Error(`e2e: the OIDC provider could not listen on port ${E2E_OIDC.port} (set E2E_OIDC_PORT to another): ${String(e)}`);
  });
  return async () => {
    await provider.stop();
    await dropDatabase(store);
    await dropDemoDatabase(demo);
  };
}
