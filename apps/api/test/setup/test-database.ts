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

/**
 * A database of its own, for tests that need an empty one (demo seeding, "the only admin"): a new
 * database on the server named by TEST_DATABASE_URL, or a new in-memory embedded PostgreSQL.
 */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  let url: string;
  let drop: () => Promise<void>;
  if (server) {
    const { default: pg } = await import('pg');
    const name = `tally_fresh_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const parsed = new URL(server);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    drop = async () => {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  } else {
    const { startEmbeddedPostgres } = await import('../../src/database/embedded-postgres.js');
    const db = await startEmbeddedPostgres();
    url = db.url;
    drop = () => db.stop();
  }
  const dataSource = await openDataSource(url, 2);
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
  return { url, drop };
}
