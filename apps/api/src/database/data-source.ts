import { DataSource, type DataSourceOptions } from 'typeorm';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';

/**
 * Embedded PostgreSQL gets one connection: PGlite is a single backend session, and its socket server
 * interleaves the extended-protocol messages (Parse/Bind/Execute) of different connections, which mixes
 * up unnamed statements under concurrency. One connection serialises everything correctly.
 */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  const embedded = isEmbeddedUrl(url);
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    logging: false,
    extra: { max: embedded ? 1 : poolSize, connectionTimeoutMillis: embedded ? 0 : 10_000 },
  };
}

/** The embedded database's socket server always listens on 127.0.0.1 with sslmode=disable in its URL. */
export function isEmbeddedUrl(url: string): boolean {
  return url.includes('sslmode=disable') && url.startsWith('postgres://postgres@127.0.0.1:');
}

/** A standalone DataSource for commands (migrate, ledger:verify) and test setup. */
export async function openDataSource(url: string, poolSize = 4): Promise<DataSource> {
  const ds = new DataSource(dataSourceOptions(url, poolSize));
  await ds.initialize();
  return ds;
}

/** Runs pending migrations under an advisory lock, so API processes starting together migrate once. */
export async function runMigrations(ds: DataSource): Promise<number> {
  const url = (ds.options as { url?: string }).url ?? '';
  // One embedded database belongs to one process; its single connection cannot also hold a lock.
  if (isEmbeddedUrl(url)) return (await ds.runMigrations({ transaction: 'each' })).length;
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(7262001)');
    try {
      const done = await ds.runMigrations({ transaction: 'each' });
      return done.length;
    } finally {
      await runner.query('SELECT pg_advisory_unlock(7262001)');
    }
  } finally {
    await runner.release();
  }
}

export async function pendingMigrationCount(ds: DataSource): Promise<number> {
  const rows: { n: string }[] = await ds.query(
    `SELECT count(*)::text AS n FROM information_schema.tables WHERE table_name = 'typeorm_migrations'`,
  );
  if (rows[0]?.n === '0') return ds.migrations.length;
  const done: { n: string }[] = await ds.query('SELECT count(*)::text AS n FROM typeorm_migrations');
  return Math.max(0, ds.migrations.length - Number(done[0]?.n ?? 0));
}
