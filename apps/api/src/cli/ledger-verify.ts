import { parseEnv } from '../config/env.schema.js';
import { openDataSource } from '../database/data-source.js';
import { externalDatabase, startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { LedgerInvariantsRepository } from '../modules/ledger/ledger-invariants.repository.js';
import { LedgerVerifyService } from '../modules/ledger/ledger-verify.service.js';

/**
 * `pnpm --filter @tally/api ledger:verify`: checks the ledger invariants, prints each check and exits
 * 1 when any is broken. Uses DATABASE_URL, or the embedded data folder (stop the server first: an
 * embedded folder is opened by one process at a time).
 */
async function main(): Promise<number> {
  const env = parseEnv(process.env);
  const database = env.DATABASE_URL
    ? externalDatabase(env.DATABASE_URL)
    : await startEmbeddedPostgres({ dataDir: env.DATA_DIR });
  const dataSource = await openDataSource(database.url);
  try {
    const report = await new LedgerVerifyService(new LedgerInvariantsRepository(dataSource)).verify();
    for (const check of report.checks) {
      process.stdout.write(`${check.ok ? 'PASS' : 'FAIL'}  ${check.name}: ${check.detail}\n`);
    }
    process.stdout.write(
      report.ok ? 'ledger OK: every invariant holds\n' : 'ledger BROKEN: see the failed checks above\n',
    );
    return report.ok ? 0 : 1;
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `ledger:verify could not run: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(2);
  },
);
