/**
 * What `gatehouse gateway` runs (gateway/main.ts runGateway, until SIGTERM or SIGINT), under a
 * command line that does not read "main.ts gateway": on a shared machine others stop their own
 * gateways by name (pkill -f), which also stopped the bench's one mid-run. Run with tsx from the
 * repository root; the environment (DATABASE_URL, GATEWAY_*) is set by bench/pg/setup.ts.
 * BENCH_GATEWAY_VIA_CLI=1 makes the bench use ./bin/gatehouse gateway instead.
 */
import { runGateway } from '../../gateway/main';
import { closeDb } from '../../lib/db/client';

try {
  await runGateway();
} catch (e) {
  console.error(`gateway: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await closeDb().catch(() => {});
}
process.exit(process.exitCode ?? 0);
