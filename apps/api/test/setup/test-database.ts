import { openDataSource, runMigrations } from '../../src/database/data-source.js';

/**
 * Where the integration tests' database is: TEST_DATABASE_URL when set (CI: a fresh database on the
 * real server), otherwise an in-memory embedded PostgreSQL started once per run by the global setup.
 */
export const TEST_DB_URL_VAR = 'TALLY_TEST_DB_URL';

export function testDatabaseUrl(): string {
  const url = process.env[TEST_DB_URL_VAR];
  if (!url) throw new Error(`${TEST_DB_URL_VAR} is not set: run the tests through jest (global setup)`);
  return url;
}

export function testDatabaseKind(): 'embedded' | 'server' {
  return process.env.TEST_DATABASE_URL ? 'server' : 'embedded';
}

/** Applies pending migrations once per database (an advisory lock makes concurrent callers wait). */
export async function migrateTestDatabase(): Promise<void> {
  const dataSource = await openDataSource(testDatabaseUrl(), 2);
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
