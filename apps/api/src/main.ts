import { createRootLogger } from './common/logging/logger.js';
import { type AppConfig, packageVersion } from './config/config.js';
import { ConfigError, parseEnv } from './config/env.schema.js';
import { externalDatabase, startEmbeddedPostgres } from './database/embedded-postgres.js';
import { createApp } from './app.factory.js';

async function main(): Promise<void> {
  let env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createRootLogger(env.LOG_LEVEL);
  const database = env.DATABASE_URL
    ? externalDatabase(env.DATABASE_URL)
    : await startEmbeddedPostgres({ dataDir: env.DATA_DIR });
  if (database.kind === 'embedded') logger.info({ dataDir: env.DATA_DIR }, 'embedded PostgreSQL started');

  const config: AppConfig = {
    env,
    databaseUrl: database.url,
    databaseKind: database.kind,
    version: packageVersion(),
  };
  const app = await createApp(config, logger);
  await app.listen({ port: env.PORT, host: env.HOST });

  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const origin = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${port}`;
  const lines = [
    `Tally is running (${database.kind === 'embedded' ? `embedded PostgreSQL in ${env.DATA_DIR}` : 'PostgreSQL server'})`,
  ];
  if (env.PORTAL_DIR) lines.push(`  Customer portal  ${origin}/`);
  if (env.CONSOLE_DIR) lines.push(`  Staff console    ${origin}/console/`);
  lines.push(`  API health       ${origin}/api/health`, `  API reference    ${origin}/api/docs`);
  process.stdout.write(`${lines.join('\n')}\n`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    await database.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Tally failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
