// In-process ledger load shared by the ledger and checkout benchmarks: LedgerService.earn from the API
// build (apps/api/dist) in a Nest application context (TypeOrmModule + LedgerModule), each call with a
// unique idempotency key. See ../README.md.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const API_DIR = here('../../apps/api/');
const API_DIST = here('../../apps/api/dist/');

// ---------------------------------------------------------------------------------------------------
// The API, loaded from its build (apps/api/dist) with the API's own copies of Nest, so that the
// bench and the API share one instance of each framework module.

export async function loadApi() {
  const required = [
    'database/data-source.js',
    'modules/ledger/ledger.module.js',
    'modules/ledger/ledger.service.js',
  ];
  const missing = required.filter((f) => !existsSync(API_DIST + f));
  if (missing.length > 0) {
    throw new Error(
      `the API build is missing (${missing.join(', ')}): run\n` +
        '  pnpm --filter @tally/domain build && pnpm --filter @tally/api build',
    );
  }
  const apiRequire = createRequire(API_DIR + 'package.json');
  const fromApi = (specifier) => import(pathToFileURL(apiRequire.resolve(specifier)).href);
  const fromDist = (file) => import(pathToFileURL(API_DIST + file).href);
  await fromApi('reflect-metadata');
  const { NestFactory } = await fromApi('@nestjs/core');
  const { TypeOrmModule } = await fromApi('@nestjs/typeorm');
  const dataSource = await fromDist('database/data-source.js');
  const { LedgerModule } = await fromDist('modules/ledger/ledger.module.js');
  const { LedgerService } = await fromDist('modules/ledger/ledger.service.js');
  const { LedgerVerifyService } = await fromDist('modules/ledger/ledger-verify.service.js');
  return { NestFactory, TypeOrmModule, LedgerModule, LedgerService, LedgerVerifyService, ...dataSource };
}

export async function migrate(api, url) {
  const ds = await api.openDataSource(url, 2);
  try {
    return await api.runMigrations(ds);
  } finally {
    await ds.destroy();
  }
}

export async function openLedger(api, url, poolSize) {
  class LedgerBenchModule {}
  const app = await api.NestFactory.createApplicationContext(
    {
      module: LedgerBenchModule,
      imports: [api.TypeOrmModule.forRoot(api.dataSourceOptions(url, poolSize)), api.LedgerModule],
    },
    { logger: ['error', 'warn'], abortOnError: false },
  );
  return { app, ledger: app.get(api.LedgerService), verify: app.get(api.LedgerVerifyService) };
}

// ---------------------------------------------------------------------------------------------------
// LedgerService.earn under load

let keySeq = 0;
const runTag = Date.now().toString(36);

export async function runLedgerScenario(ledger, { clients, shared, seconds, warmup }) {
  const sharedMember = crypto.randomUUID();
  const members = Array.from({ length: clients }, () => (shared ? sharedMember : crypto.randomUUID()));
  const latencies = [];
  const errors = [];
  let errorCount = 0;
  const t0 = performance.now();
  const measureFrom = t0 + warmup * 1000;
  const measureTo = measureFrom + seconds * 1000;
  let cpuAtStart = null;
  const cpuTimer = setTimeout(() => (cpuAtStart = process.cpuUsage()), warmup * 1000);

  const client = async (i) => {
    const actor = { type: 'system', id: 'bench' };
    while (performance.now() < measureTo) {
      const start = performance.now();
      try {
        await ledger.earn({
          memberId: members[i],
          points: 1 + Math.floor(Math.random() * 100),
          idempotencyKey: `bench-${runTag}-${(keySeq += 1)}`,
          actor,
        });
      } catch (error) {
        errorCount += 1;
        if (errors.length < 5) errors.push(error);
        if (errorCount > 1000) return; // something is badly broken: stop hammering
        continue;
      }
      const end = performance.now();
      if (end >= measureFrom && end <= measureTo) latencies.push(end - start);
    }
  };
  await Promise.all(members.map((_, i) => client(i)));
  clearTimeout(cpuTimer);
  const cpu = cpuAtStart ? process.cpuUsage(cpuAtStart) : null;

  return {
    jps: latencies.length / seconds,
    latencies,
    nodeCpu: cpu ? (cpu.user + cpu.system) / 1000 / (seconds * 1000) : NaN,
    errorCount,
    errors,
  };
}

export function percentile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}
