import { getEnv } from '../lib/env';
import { checkRedis } from '../lib/setup/check-redis';

export type Gateway = { stop(): Promise<void> };

/**
 * Starts the gateway's long-running parts, embedded in the portal (instrumentation.ts) or on its own
 * (`gatehouse gateway`). For now it only proves Redis is reachable, which its workers will need; the
 * PostgreSQL listener on GATEWAY_PG_PORT comes next.
 */
export async function startGateway(): Promise<Gateway> {
  const env = getEnv();
  await checkRedis(env.REDIS_URL);
  console.log(`gateway: ready (PostgreSQL listener will be on :${env.GATEWAY_PG_PORT})`);
  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= Promise.resolve().then(() => console.log('gateway: stopped'));
      return stopping;
    },
  };
}

/** Runs the gateway as its own process until SIGTERM or SIGINT; a second signal stops at once. */
export async function runGateway(): Promise<void> {
  const gateway = await startGateway();
  // Until the listener exists nothing else holds the event loop open, and signal handlers do not.
  const keepAlive = setInterval(() => {}, 1 << 30);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  console.log(`gateway: ${signal} received, stopping`);
  const force = () => process.exit(1);
  process.once('SIGTERM', force);
  process.once('SIGINT', force);
  try {
    await gateway.stop();
  } finally {
    clearInterval(keepAlive);
    process.off('SIGTERM', force);
    process.off('SIGINT', force);
  }
}
