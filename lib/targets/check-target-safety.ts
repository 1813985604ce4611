import { getEnv } from '../env';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '0.0.0.0', '::']);

function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

function sameHost(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || (isLoopback(x) && isLoopback(y));
}

/**
 * Returns why a registration is dangerous, or null. A target that is the portal's own store would
 * hand token holders the users, tokens and target secrets; a target that is the gateway's own
 * listener would loop connections through the gateway forever.
 */
export function findTargetDanger(target: { host: string; port: number; database: string }): string | null {
  const env = getEnv();
  const store = new URL(env.DATABASE_URL);
  const storeDb = decodeURIComponent(store.pathname.replace(/^\//, ''));
  if (sameHost(target.host, store.hostname) && target.port === Number(store.port || 5432) && target.database === storeDb) {
    return `This is Gatehouse's own store (${storeDb} on ${store.hostname}:${store.port || 5432}); registering it would expose every secret Gatehouse holds`;
  }
  if (isLoopback(target.host.toLowerCase()) && target.port === env.GATEWAY_PG_PORT) {
    return `Port ${target.port} on this machine is the Gatehouse gateway itself; a target must be a real database`;
  }
  return null;
}
