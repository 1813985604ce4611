import { runGateway } from '../../gateway/main';
import { migrateDatabase } from '../../lib/db/migrate';
import { getEnv } from '../../lib/env';
import type { Command } from '../command';
import { parseCommandLine } from '../parse-command-line';

export const gateway: Command = {
  name: 'gateway',
  summary: 'Run the gateway on its own (with GATEWAY_EMBEDDED=false for the portal)',
  help: `Usage: gatehouse gateway

Applies pending migrations to the store, then runs the gateway as its own process until SIGTERM
or SIGINT. By default the portal embeds the gateway; set GATEWAY_EMBEDDED=false for the portal and
run this to keep them apart.`,
  async run(args) {
    parseCommandLine({ args, options: {} });
    await migrateDatabase(getEnv().DATABASE_URL);
    await runGateway();
  },
};
