import { getEnv } from '../../lib/env';
import { migrateDatabase } from '../../lib/db/migrate';
import type { Command } from '../command';
import { parseCommandLine } from '../parse-command-line';
import { describeStore } from '../describe-store';

export const migrate: Command = {
  name: 'migrate',
  summary: 'Create the store database if missing and apply migrations',
  help: `Usage: gatehouse migrate

Creates the database named by DATABASE_URL when it is missing and applies every migration in
drizzle/. Safe to run again: it applies only what is new.`,
  async run(args) {
    parseCommandLine({ args, options: {} });
    const url = getEnv().DATABASE_URL;
    const { created } = await migrateDatabase(url);
    console.log(`migrated ${describeStore(url)}${created ? ' (database created)' : ''}`);
  },
};
