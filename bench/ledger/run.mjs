// Ledger benchmark: journals per second of LedgerService.earn (the real service and SQL function)
// against a pgbench baseline doing the minimal equivalent SQL, on a fresh database. Prints figures;
// exits non-zero only when something fails. See ../README.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadApi, migrate, openLedger, percentile, runLedgerScenario } from '../lib/ledger-load.mjs';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));

const env = process.env;
const ADMIN_URL = env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = positive('BENCH_SECONDS', 8);
const WARMUP = positive('BENCH_WARMUP_SECONDS', 2);
const ROUNDS = positive('BENCH_ROUNDS', 1);
const CLIENTS = (env.BENCH_CLIENTS || '8,32').split(',').map((c) => Number.parseInt(c, 10));
const TARGET = 0.6;
const FN_DIAGNOSTIC = env.BENCH_FN !== '0';
const VERIFY = env.BENCH_VERIFY !== '0';
const KEEP_DB = env.BENCH_KEEP_DB === '1';
const EXTRA_SQL = env.BENCH_EXTRA_SQL || '';
let interrupted = false;

function usage(message) {
  process.stderr.write(`ledger bench: ${message}\n`);
  process.exit(1);
}

/** Whole numbers (seconds: pgbench -T takes nothing finer, and both sides measure the same window). */
function positive(name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) usage(`${name} must be a positive whole number, got "${raw}"`);
  return n;
}

const log = (line = '') => process.stdout.write(`${line}\n`);
const progress = (line) => process.stderr.write(`  · ${line}\n`);

// ---------------------------------------------------------------------------------------------------
// pgbench

function findPgbench() {
  const candidates = [];
  const which = spawnSync('sh', ['-c', 'command -v pgbench'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) candidates.push(which.stdout.trim());
  // Newest PostgreSQL first.
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  candidates.push(...versions.map((v) => `${root}/${v}/bin/pgbench`).filter((p) => existsSync(p)));
  for (const path of candidates) {
    const probe = spawnSync(path, ['--version'], { encoding: 'utf8' });
    if (probe.status === 0) return { path, version: probe.stdout.trim() };
  }
  return null;
}

function pgbenchMissing() {
  process.stderr.write(
    [
      'pgbench was not found (looked for `pgbench` on PATH and /usr/lib/postgresql/*/bin/pgbench).',
      'On Debian 12 (bookworm) with PostgreSQL 15 it ships in the server package postgresql-15',
      '(not in postgresql-client-15), at /usr/lib/postgresql/15/bin/pgbench:',
      '',
      '  apt-get update && apt-get install -y postgresql-15',
      '',
      '(or the `postgresql` metapackage). Only the pgbench binary is used; the server can be elsewhere.',
      '',
    ].join('\n'),
  );
  process.exit(2);
}

function connectionArgs(url) {
  const u = new URL(url);
  const args = ['-h', decodeURIComponent(u.hostname || '127.0.0.1'), '-p', u.port || '5432'];
  if (u.username) args.push('-U', decodeURIComponent(u.username));
  const childEnv = { ...env, PGAPPNAME: 'tally-bench' };
  if (u.password) childEnv.PGPASSWORD = decodeURIComponent(u.password);
  return { args, dbname: decodeURIComponent(u.pathname.slice(1)), env: childEnv };
}

function runPgbench(pgbench, url, script, clients, seconds, defines) {
  const conn = connectionArgs(url);
  const args = [
    ...conn.args,
    '-c',
    String(clients),
    '-j',
    String(Math.min(2, clients)),
    '-T',
    String(seconds),
    '-n',
    '-f',
    script,
    ...Object.entries(defines).flatMap(([k, v]) => ['-D', `${k}=${v}`]),
    conn.dbname,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(pgbench, args, { env: conn.env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const tps = /^tps = ([\d.]+)/m.exec(out);
      const failed = /^number of failed transactions: (\d+)/m.exec(out);
      const latency = /^latency average = ([\d.]+) ms/m.exec(out);
      if (code !== 0 || !tps) {
        reject(new Error(`pgbench ${args.join(' ')} exited with ${code}\n${err}${out}`));
        return;
      }
      if (failed && failed[1] !== '0') {
        reject(new Error(`pgbench reported ${failed[1]} failed transactions\n${err}${out}`));
        return;
      }
      resolve({ tps: Number(tps[1]), latencyAvg: latency ? Number(latency[1]) : null });
    });
  });
}

/** Rounds of one scenario: median throughput; latency percentiles over the calls of every round. */
function combineRounds(rounds) {
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    jps: median(rounds.map((r) => r.jps)),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    nodeCpu: median(rounds.map((r) => r.nodeCpu)),
    errorCount: rounds.reduce((n, r) => n + r.errorCount, 0),
    errors: rounds.flatMap((r) => r.errors).slice(0, 5),
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// ---------------------------------------------------------------------------------------------------
// Output

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const fmt = (n, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '-';
const pct = (n) => (Number.isFinite(n) ? `${Math.round(n * 100)}%` : '-');

// ---------------------------------------------------------------------------------------------------

async function main() {
  const pgbench = findPgbench();
  if (!pgbench) pgbenchMissing();
  if (CLIENTS.some((c) => !Number.isInteger(c) || c <= 0))
    usage(`BENCH_CLIENTS must be positive integers, got "${env.BENCH_CLIENTS}"`);
  const api = await loadApi();

  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dbName = `tally_bench_${stamp}`;
  const benchUrlObject = new URL(ADMIN_URL);
  benchUrlObject.pathname = `/${dbName}`;
  const benchUrl = benchUrlObject.toString();

  let created = false;
  let context = null;
  let failed = false;
  // One drop, shared by the normal path and the signal handler.
  let dropping = null;
  const dropDatabase = () =>
    (dropping ??=
      created && !KEEP_DB
        ? admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
        : Promise.resolve());
  const onSignal = (signal) => {
    interrupted = true;
    process.stderr.write(`\n${signal}: dropping ${dbName}\n`);
    dropDatabase()
      .catch(() => {})
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    await admin.query(`CREATE DATABASE ${dbName}`);
    created = true;
    const server = (await admin.query('SHOW server_version')).rows[0].server_version;
    const sync = (await admin.query('SHOW synchronous_commit')).rows[0].synchronous_commit;
    const maxConn = Number((await admin.query('SHOW max_connections')).rows[0].max_connections);
    const poolSize = Math.max(...CLIENTS);
    if (poolSize + 10 > maxConn)
      throw new Error(`max_connections (${maxConn}) is too low for ${poolSize} clients`);

    log('Tally ledger benchmark: LedgerService.earn vs a pgbench baseline');
    log(
      `database     ${dbName} on PostgreSQL ${server} (synchronous_commit=${sync}), ${cpus().length} CPU(s) shared by server and load`,
    );
    log(`load         node ${process.version} (one process), ${pgbench.version} at ${pgbench.path}`);
    log(
      `scenarios    ${CLIENTS.join(' and ')} clients, ${SECONDS} s each after a ${WARMUP} s warm-up` +
        (ROUNDS > 1 ? `, ${ROUNDS} rounds (median throughput, latency over all rounds)` : '') +
        `; pool size ${poolSize}`,
    );
    log();

    progress(`migrating ${dbName}`);
    const applied = await migrate(api, benchUrl);
    const bench = new pg.Client({ connectionString: benchUrl });
    await bench.connect();
    await bench.query(readFileSync(here('./schema.sql'), 'utf8'));
    if (EXTRA_SQL) {
      await bench.query(readFileSync(EXTRA_SQL, 'utf8'));
      log(`extra SQL    ${EXTRA_SQL} applied after the migrations (BENCH_EXTRA_SQL)`);
      log();
    }
    await bench.end();
    progress(`${applied} migration(s) applied; baseline tables created`);

    context = await openLedger(api, benchUrl, poolSize);
    const checkpoint = () => admin.query('CHECKPOINT').catch(() => {});
    const baselineScript = here('./pgbench-baseline.sql');
    const fnScript = here('./pgbench-ledger-earn.sql');

    const results = [];
    let run = 0;
    for (const shared of [false, true]) {
      for (const clients of CLIENTS) {
        const name = shared ? 'shared member' : 'distinct members';
        const defines = { distinct: shared ? 0 : 1 };

        const rounds = { ledger: [], base: [], fn: [] };
        for (let round = 1; round <= ROUNDS; round += 1) {
          const of = ROUNDS > 1 ? ` (round ${round}/${ROUNDS})` : '';
          progress(`${name}, ${clients} clients: LedgerService.earn${of}`);
          await checkpoint();
          const scenario = { clients, shared, seconds: SECONDS, warmup: WARMUP };
          rounds.ledger.push(await runLedgerScenario(context.ledger, scenario));

          progress(`${name}, ${clients} clients: pgbench baseline${of}`);
          await checkpoint();
          await runPgbench(pgbench.path, benchUrl, baselineScript, clients, WARMUP, defines);
          rounds.base.push(
            await runPgbench(pgbench.path, benchUrl, baselineScript, clients, SECONDS, defines),
          );

          if (FN_DIAGNOSTIC) {
            progress(`${name}, ${clients} clients: pgbench calling ledger_earn()${of}`);
            const fnDefines = { ...defines, run: (run += 1) };
            await checkpoint();
            await runPgbench(pgbench.path, benchUrl, fnScript, clients, WARMUP, fnDefines);
            rounds.fn.push(await runPgbench(pgbench.path, benchUrl, fnScript, clients, SECONDS, fnDefines));
          }
        }
        const ledger = combineRounds(rounds.ledger);
        if (ledger.errorCount > 0) {
          failed = true;
          process.stderr.write(`  ! ${ledger.errorCount} earn call(s) failed, e.g.:\n`);
          for (const e of ledger.errors) process.stderr.write(`    ${e?.stack ?? e}\n`);
        }
        const base = { tps: median(rounds.base.map((r) => r.tps)) };
        const fn = FN_DIAGNOSTIC ? { tps: median(rounds.fn.map((r) => r.tps)) } : null;
        results.push({ name, clients, shared, ledger, base, fn });
      }
    }

    const header = [
      'scenario',
      'clients',
      'ledger journals/s',
      'p50 ms',
      'p99 ms',
      'pgbench tps',
      'ledger/pgbench',
    ];
    if (FN_DIAGNOSTIC) header.push('ledger_earn() via pgbench', 'fn/pgbench');
    header.push('node CPU');
    const rows = results.map((r) => {
      const row = [
        r.name,
        String(r.clients),
        fmt(r.ledger.jps),
        fmt(r.ledger.p50, 2),
        fmt(r.ledger.p99, 2),
        fmt(r.base.tps),
        pct(r.ledger.jps / r.base.tps),
      ];
      if (FN_DIAGNOSTIC) row.push(fmt(r.fn.tps), pct(r.fn.tps / r.base.tps));
      row.push(pct(r.ledger.nodeCpu));
      return row;
    });
    log(table(header, rows));
    log();
    log(
      'ledger journals/s: LedgerService.earn through Nest + TypeORM + pg, one SQL call (ledger_earn) per journal.',
    );
    log(
      'pgbench tps: the minimal equivalent transaction (bench/ledger/pgbench-baseline.sql) on plain tables.',
    );
    if (FN_DIAGNOSTIC)
      log(
        'ledger_earn() via pgbench: the same SQL function without Node (bench/ledger/pgbench-ledger-earn.sql).',
      );
    log('node CPU: CPU time of the bench process during the measured window, as a share of one core.');

    if (VERIFY) {
      progress('checking the ledger invariants');
      const report = await context.verify.verify();
      const broken = report.checks.filter((c) => !c.ok);
      const counter = new pg.Client({ connectionString: benchUrl });
      await counter.connect();
      const { rows: counts } = await counter.query(
        'SELECT (SELECT count(*) FROM ledger_journal) AS journals, (SELECT count(*) FROM ledger_posting) AS postings',
      );
      await counter.end();
      const totals = ` (${fmt(Number(counts[0].journals))} journals, ${fmt(Number(counts[0].postings))} postings)`;
      log();
      if (broken.length === 0) log(`ledger invariants: all ${report.checks.length} hold${totals}`);
      else {
        failed = true;
        log(`ledger invariants: ${broken.length} BROKEN${totals}`);
        for (const c of broken) log(`  ${c.name}: ${c.detail}`);
      }
    }

    log();
    const uncontended = results.filter((r) => !r.shared);
    const verdicts = uncontended.map((r) => {
      const ratio = r.ledger.jps / r.base.tps;
      return { clients: r.clients, ratio, met: ratio >= TARGET };
    });
    const all = verdicts.every((v) => v.met);
    log(
      `Target (uncontended earn >= ${TARGET * 100}% of the pgbench baseline): ` +
        verdicts.map((v) => `${v.clients} clients ${pct(v.ratio)} ${v.met ? 'met' : 'NOT met'}`).join(', ') +
        ` => ${all ? 'REACHED' : 'NOT REACHED'}`,
    );
  } finally {
    if (context) await context.app.close().catch(() => {});
    await dropDatabase().catch((e) => {
      failed = true;
      process.stderr.write(`could not drop ${dbName}: ${e.message}\n`);
    });
    await admin.end().catch(() => {});
    if (KEEP_DB && created) process.stderr.write(`kept database ${dbName} (BENCH_KEEP_DB=1)\n`);
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (interrupted) return; // the signal handler drops the database and exits
    process.stderr.write(`ledger bench failed: ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
