import { assertLocalDatabaseUrl } from '../test/local-url';
import { dropDatabase } from '../lib/db/ensure-database';

/** The web server creates and migrates the run's store at start; this drops it (and the demo copy) at the end. */
export default async function globalSetup() {
  const urls = [process.env.DATABASE_URL!, process.env.DEMO_DATABASE_URL!];
  urls.forEach(assertLocalDatabaseUrl);
  return async () => {
    for (const url of urls) await dropDatabase(url);
  };
}
