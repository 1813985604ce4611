const globalForGateway = globalThis as unknown as { gatehouseGatewayStarted?: boolean };

/**
 * Next calls this once when a server starts. The portal runs the gateway in its own process unless
 * GATEWAY_EMBEDDED=false (then `gatehouse gateway` runs it separately). A gateway that cannot start
 * is logged and the portal keeps serving: people can still sign in and fix what is wrong.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.GATEWAY_EMBEDDED === 'false') return;
  // Dev-server reloads can call register again in the same process.
  if (globalForGateway.gatehouseGatewayStarted) return;
  globalForGateway.gatehouseGatewayStarted = true;
  try {
    const { startGateway } = await import('./gateway/main');
    await startGateway();
  } catch (e) {
    console.error(`gateway: not started: ${e instanceof Error ? e.message : String(e)}`);
  }
}
