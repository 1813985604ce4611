import { assertLocalDatabaseUrl } from '../test/local-url';
import { dropDatabase } from '../lib/db/ensure-database';
import { dropDemoDatabase } from '../lib/demo/drop-demo-database';

/** The web server creates and migrates the run's store at start; this drops it and the run's demo copy at the end. */
export default async function globalSetup() {
  const store = process.env.DATABASE_URL!;
  const demo = process.env.DEMO_DATABASE_URL!;
  [store, demo].forEach(assertLocalDatabaseUrl);
  return async () => {
    await dropDatabase(store);
    await dropDemoDatabase(demo);
  };
}
