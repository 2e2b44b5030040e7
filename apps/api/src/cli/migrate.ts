import { parseEnv } from '../config/env.schema.js';
import { openDataSource, runMigrations } from '../database/data-source.js';
import { externalDatabase, startEmbeddedPostgres } from '../database/embedded-postgres.js';

/** `pnpm --filter @tally/api migration:run`: applies pending migrations (the API also does at start-up). */
async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const database = env.DATABASE_URL
    ? externalDatabase(env.DATABASE_URL)
    : await startEmbeddedPostgres({ dataDir: env.DATA_DIR });
  const dataSource = await openDataSource(database.url);
  try {
    const ran = await runMigrations(dataSource);
    process.stdout.write(`${ran} migration(s) applied\n`);
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
