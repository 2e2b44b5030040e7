// Jest loads global setup through require(), outside the ESM module mapper: hence the .ts
// import, and migrations run from the test harness instead (they import the whole data layer).
import { startEmbeddedPostgres, type RunningDatabase } from '../../src/database/embedded-postgres.ts';

declare global {
  var __TALLY_TEST_DB__: RunningDatabase | undefined;
}

export default async function globalSetup(): Promise<void> {
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const db = await startEmbeddedPostgres();
    globalThis.__TALLY_TEST_DB__ = db;
    url = db.url;
  }
  process.env.TALLY_TEST_DB_URL = url;
  process.stdout.write(
    `\nintegration database: ${process.env.TEST_DATABASE_URL ? 'PostgreSQL server (TEST_DATABASE_URL)' : 'embedded PostgreSQL (in memory)'}\n`,
  );
}
