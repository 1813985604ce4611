import { getDb } from '../../lib/db/client';
import { seedDemo } from '../../lib/demo/seed-demo';
import { ensureLocalSecrets } from '../../lib/setup/local-env';
import type { Command } from '../command';
import { parseCommandLine } from '../parse-command-line';
import { printDemoCredentials } from '../print-demo-credentials';

export const seed: Command = {
  name: 'seed',
  summary: 'Create demo users and the demo target in an empty store',
  help: `Usage: gatehouse seed

When the store has no users yet: creates one user per role (admin@gatehouse.local,
approver@..., auditor@..., user@...) with generated passwords, the demo database (customers and
payments with fake personal data, DEMO_DATABASE_URL or gatehouse_demo next to the store) and the
target "demo" pointing at it, then prints the credentials. Does nothing on a store with users.
Like start, it first generates GATEHOUSE_MASTER_KEY and NEXTAUTH_SECRET into the local env file
when they are unset.`,
  async run(args) {
    parseCommandLine({ args, options: {} });
    ensureLocalSecrets();
    const credentials = await seedDemo(getDb());
    if (!credentials) {
      process.stderr.write('The store already has users: nothing seeded.\n');
      return;
    }
    printDemoCredentials(credentials);
  },
};
