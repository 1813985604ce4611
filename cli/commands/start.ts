import path from 'node:path';
import { closeDb, getDb } from '../../lib/db/client';
import { migrateDatabase } from '../../lib/db/migrate';
import { seedDemo } from '../../lib/demo/seed-demo';
import { assertMasterKeyOpensTargets } from '../../lib/targets/check-master-key';
import { getEnv } from '../../lib/env';
import { checkRedis } from '../../lib/setup/check-redis';
import { ensureLocalSecrets } from '../../lib/setup/local-env';
import type { Command } from '../command';
import { describeStore } from '../describe-store';
import { whyBuild } from '../needs-build';
import { parseCommandLine } from '../parse-command-line';
import { printDemoCredentials } from '../print-demo-credentials';
import { runChild } from '../run-child';

const NEXT = path.resolve('node_modules/.bin/next');

export const start: Command = {
  name: 'start',
  summary: 'Set up what is missing, then serve the portal (and the embedded gateway)',
  help: `Usage: gatehouse start

1. generates GATEHOUSE_MASTER_KEY and NEXTAUTH_SECRET into the local env file when unset;
2. creates and migrates the store (DATABASE_URL) and checks Redis (REDIS_URL);
3. on the very first start, seeds demo users and the demo target and prints their passwords;
4. builds the portal when there is no build or a source changed since the last one;
5. runs "next start -p $PORT" until stopped with Ctrl-C or SIGTERM.
PUBLIC_URL defaults to http://localhost:$PORT and NEXTAUTH_URL to PUBLIC_URL.`,
  async run(args) {
    parseCommandLine({ args, options: {} });
    ensureLocalSecrets();
    // Sign-in redirects go to PUBLIC_URL, so on another port the default must follow PORT.
    if (!process.env.PUBLIC_URL && /^\d+$/.test(process.env.PORT ?? '')) {
      process.env.PUBLIC_URL = `http://localhost:${process.env.PORT}`;
    }
    const env = getEnv();

    const { created } = await migrateDatabase(env.DATABASE_URL);
    console.log(`gatehouse: store ${describeStore(env.DATABASE_URL)} is migrated${created ? ' (database created)' : ''}`);
    await checkRedis(env.REDIS_URL);
    try {
      await assertMasterKeyOpensTargets(getDb());
      const credentials = await seedDemo(getDb());
      if (credentials) printDemoCredentials(credentials);
    } finally {
      await closeDb();
    }

    const reason = whyBuild();
    if (reason) {
      console.log(`gatehouse: building the portal (${reason}); this takes a minute or two...`);
      const code = await runChild(NEXT, ['build']);
      if (code !== 0) throw new Error(`next build failed with exit code ${code}; see its output above`);
    }

    console.log(`gatehouse: portal starting at ${env.PUBLIC_URL}`);
    return runChild(NEXT, ['start', '-p', String(env.PORT)], {
      ...process.env,
      PUBLIC_URL: env.PUBLIC_URL,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL || env.PUBLIC_URL,
    });
  },
};
