// Checkout benchmark: awards per second of POST /api/v1/checkout/earn through the real API process
// (Fastify, Nest, auth guard, validation, earn engine, one database transaction), against the ledger
// baseline measured in the same run (LedgerService.earn called in-process, as bench/ledger does, on its
// own fresh database on the same server, before the API starts), with GET /api/health alongside. Prints figures; exits non-zero only when
// something fails (a non-201 award, a broken ledger invariant, journals that do not match the awards).
// See ../README.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Pool } from 'undici';
import { loadApi, migrate, openLedger, runLedgerScenario } from '../lib/ledger-load.mjs';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const REPO = here('../../');
const API_MAIN = here('../../apps/api/dist/main.js');

const env = process.env;
const ADMIN_URL = env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = positive('BENCH_SECONDS', 10);
const WARMUP = positive('BENCH_WARMUP_SECONDS', 2);
const CONNECTIONS = (env.BENCH_CONNECTIONS || '8,32,64').split(',').map((c) => Number.parseInt(c, 10));
const MEMBERS = positive('BENCH_MEMBERS', 2000);
const POOL_SIZE = positive('BENCH_POOL_SIZE', 32);
const SIGNUP_CONCURRENCY = positive('BENCH_SIGNUP_CONCURRENCY', 8);
const SAMPLE_MS = 100;
const KEEP_DB = env.BENCH_KEEP_DB === '1';
const POS_KEY = 'tpk_demotill01_DEMOonly-till-key-never-use-in-production01';
const ADMIN_LOGIN = { email: 'admin@demo.tally', password: 'tally-demo-2026', audience: 'staff' };
const APP_NAME = 'tally-bench';
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 50;
const TARGET_CONNECTIONS = 32;
let interrupted = false;

function usage(message) {
  process.stderr.write(`checkout bench: ${message}\n`);
  process.exit(1);
}

function positive(name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) usage(`${name} must be a positive whole number, got "${raw}"`);
  return n;
}

const log = (line = '') => process.stdout.write(`${line}\n`);
const progress = (line) => process.stderr.write(`  · ${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------------
// The API as a child process (the same `node apps/api/dist/main.js` that production runs)

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts the API; keeps its output: counts of warn/error log lines, the first few, and the tail. */
function startApi(databaseUrl, port) {
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: REPO,
    env: {
      ...env,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_SEED: 'true',
      DB_POOL_SIZE: String(POOL_SIZE),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const api = {
    child,
    pid: child.pid,
    exited: null,
    tail: [],
    levels: { warn: 0, error: 0, fatal: 0 },
    samples: [],
  };
  api.exit = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      api.exited = { code, signal };
      resolve(api.exited);
    }),
  );
  const names = { 40: 'warn', 50: 'error', 60: 'fatal' };
  const onLine = (line) => {
    if (!line) return;
    api.tail.push(line);
    if (api.tail.length > 40) api.tail.shift();
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      return; // the start-up banner and anything else that is not a JSON log line
    }
    const level = names[entry.level];
    if (!level) return;
    api.levels[level] += 1;
    if (api.samples.length < 5) {
      const what = entry.err?.message ?? entry.msg ?? '';
      const where = entry.req ? ` ${entry.req.method} ${entry.req.url}` : '';
      api.samples.push(`${level}:${where} ${what}`.slice(0, 300));
    }
  };
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        onLine(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
      }
    });
  }
  return api;
}

async function stopApi(api) {
  if (!api || api.exited) return;
  api.child.kill('SIGTERM');
  const timer = setTimeout(() => api.child.kill('SIGKILL'), 10_000);
  await api.exit;
  clearTimeout(timer);
}

async function waitForHealth(http, api, timeoutMs = 90_000) {
  const until = performance.now() + timeoutMs;
  let last = '';
  while (performance.now() < until) {
    if (api.exited) {
      throw new Error(
        `the API exited during start-up (${JSON.stringify(api.exited)}):\n${api.tail.join('\n')}`,
      );
    }
    try {
      const res = await http.request({ method: 'GET', path: '/api/health' });
      const body = await res.body.text();
      if (res.statusCode === 200) return JSON.parse(body);
      last = `${res.statusCode} ${body}`;
    } catch (error) {
      last = error.message;
    }
    await sleep(200);
  }
  throw new Error(`GET /api/health did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`);
}

// ---------------------------------------------------------------------------------------------------
// Plain JSON calls for the set-up (sign-in, programme, members, verify)

async function call(http, method, path, { body, token, headers = {}, expect = [200] } = {}) {
  const res = await http.request({
    method,
    path,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.body.text();
  if (!expect.includes(res.statusCode))
    throw new Error(`${method} ${path} answered ${res.statusCode}: ${text.slice(0, 1000)}`);
  return text ? JSON.parse(text) : null;
}

const signIn = async (http) =>
  (await call(http, 'POST', '/api/v1/auth/login', { body: ADMIN_LOGIN })).accessToken;

async function createMembers(http, count, tag) {
  const ids = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const member = await call(http, 'POST', '/api/v1/members', {
        body: {
          email: `bench-${tag}-${i}@bench.tally.test`,
          password: 'bench-password-2026',
          name: `Bench Member ${i}`,
        },
        expect: [201],
      });
      ids[i] = member.id;
    }
  };
  await Promise.all(Array.from({ length: Math.min(SIGNUP_CONCURRENCY, count) }, worker));
  return ids;
}

// ---------------------------------------------------------------------------------------------------
// CPU accounting from /proc: the API process, this process, the database's backends, the machine

const CLK_TCK = (() => {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const n = Number(out.stdout?.trim());
  return Number.isFinite(n) && n > 0 ? n : 100;
})();

function processTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime (fields 14 and 15)
  } catch {
    return null;
  }
}

function machineTicks() {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const v = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = v.reduce((a, b) => a + b, 0);
    return total - v[3] - v[4]; // busy = all but idle and iowait
  } catch {
    return null;
  }
}

/** The database's own backends plus the server's background processes (WAL writer, checkpointer...). */
async function postgresPids(admin, dbName) {
  const { rows } = await admin.query(
    `SELECT pid FROM pg_stat_activity
      WHERE (datname = $1 AND application_name <> $2) OR (datname IS NULL AND backend_type <> 'client backend')`,
    [dbName, APP_NAME],
  );
  return rows.map((r) => r.pid);
}

async function cpuSnapshot(admin, dbName, apiPid) {
  const pids = await postgresPids(admin, dbName);
  const at = performance.now();
  const pgTicks = new Map(pids.map((pid) => [pid, processTicks(pid)]));
  return { at, api: processTicks(apiPid), self: process.cpuUsage(), pg: pgTicks, machine: machineTicks() };
}

/** Shares of one core (1 = one core busy for the whole window) between two snapshots. */
function cpuShares(a, b) {
  const seconds = (b.at - a.at) / 1000;
  const share = (ticks) => (ticks === null || Number.isNaN(ticks) ? NaN : ticks / CLK_TCK / seconds);
  const self = process.cpuUsage(a.self);
  let pgTicks = 0;
  for (const [pid, start] of a.pg) {
    const end = processTicks(pid);
    if (start !== null && end !== null) pgTicks += end - start;
  }
  const api = a.api !== null && b.api !== null ? share(b.api - a.api) : NaN;
  const load = (self.user + self.system) / 1e6 / seconds;
  const pgShare = a.pg.size > 0 ? share(pgTicks) : NaN;
  const machine = a.machine !== null && b.machine !== null ? share(b.machine - a.machine) : NaN;
  const other = Math.max(0, machine - (api || 0) - (pgShare || 0) - load);
  return { api, pg: pgShare, load, other, machine };
}

// ---------------------------------------------------------------------------------------------------
// What PostgreSQL's backends for this database are doing, sampled every 100 ms in the window

function startActivitySampler(admin, dbName) {
  const totals = new Map();
  let samples = 0;
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const { rows } = await admin.query(
        `SELECT state, wait_event_type, wait_event FROM pg_stat_activity
          WHERE datname = $1 AND backend_type = 'client backend' AND application_name <> $2`,
        [dbName, APP_NAME],
      );
      samples += 1;
      for (const r of rows) {
        let key;
        if (r.state === 'active') key = r.wait_event_type ? `${r.wait_event_type}:${r.wait_event}` : 'CPU';
        else key = r.state ?? 'unknown';
        totals.set(key, (totals.get(key) ?? 0) + 1);
      }
    } catch {
      // a failed sample is only a missing sample
    } finally {
      busy = false;
    }
  }, SAMPLE_MS);
  return () => {
    clearInterval(timer);
    const avg = new Map([...totals].map(([k, n]) => [k, samples ? n / samples : 0]));
    return { samples, avg };
  };
}

function describeActivity({ samples, avg }) {
  if (samples === 0) return 'no samples';
  const get = (k) => avg.get(k) ?? 0;
  const activeKeys = [...avg.keys()].filter((k) => k === 'CPU' || k.includes(':'));
  const active = activeKeys.reduce((n, k) => n + get(k), 0);
  const waits = activeKeys
    .filter((k) => k !== 'CPU')
    .sort((a, b) => get(b) - get(a))
    .slice(0, 3)
    .filter((k) => get(k) >= 0.05)
    .map((k) => `${k} ${get(k).toFixed(1)}`);
  const parts = [
    `active ${active.toFixed(1)} (running ${get('CPU').toFixed(1)}${waits.length ? `, ${waits.join(', ')}` : ''})`,
  ];
  parts.push(`idle in tx ${get('idle in transaction').toFixed(1)}`, `idle ${get('idle').toFixed(1)}`);
  return parts.join(', ');
}

async function databaseCounters(admin, dbName) {
  const { rows } = await admin.query(
    `SELECT xact_commit::bigint + xact_rollback::bigint AS xacts, tup_inserted::bigint AS ins, tup_updated::bigint AS upd
       FROM pg_stat_database WHERE datname = $1`,
    [dbName],
  );
  const r = rows[0] ?? { xacts: 0, ins: 0, upd: 0 };
  return { xacts: Number(r.xacts), ins: Number(r.ins), upd: Number(r.upd) };
}

// ---------------------------------------------------------------------------------------------------
// The load: N connections, one request in flight on each, for warm-up + measured seconds

let seq = 0;
const runTag = Date.now().toString(36);

function earnRequest(memberIds) {
  seq += 1;
  const memberId = memberIds[Math.floor(Math.random() * memberIds.length)];
  return {
    method: 'POST',
    path: '/api/v1/checkout/earn',
    headers: {
      authorization: `Bearer ${POS_KEY}`,
      'idempotency-key': `bench-${runTag}-${seq}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      member: { memberId },
      receipt: {
        id: `r-${runTag}-${seq}`,
        currency: 'GBP',
        lines: [
          { sku: 'sku-1', category: 'grocery', quantity: 2, unitPrice: 1234 },
          { sku: 'vat', quantity: 1, unitPrice: 200, kind: 'tax' },
        ],
      },
    }),
  };
}

const healthRequest = () => ({ method: 'GET', path: '/api/health' });

/**
 * Closed loop: `connections` workers on a keep-alive pool of as many sockets, each sending its next
 * request when the previous answered. Responses completing in the measured window count for throughput
 * and latency; after the window no new request starts and the ones in flight are awaited (drain), so
 * every request sent has a known outcome (`total` counts them all, warm-up and drain included).
 */
async function runLoad({ origin, connections, seconds, warmup, makeRequest, okStatus, onWindow }) {
  const pool = new Pool(origin, {
    connections,
    pipelining: 1,
    keepAliveTimeout: 60_000,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
  const latencies = [];
  const result = {
    ok: 0,
    inWindow: 0,
    total: { ok: 0, other: 0 },
    errors: 0,
    statuses: new Map(),
    firstError: null,
    firstOk: null,
  };
  const t0 = performance.now();
  const measureFrom = t0 + warmup * 1000;
  const measureTo = measureFrom + seconds * 1000;
  let stopAt = measureTo;
  // The window probe (CPU, pg_stat_activity) starts and ends on timers, independent of the workers.
  let windowStart = null;
  let endTimer = null;
  const startTimer = onWindow ? setTimeout(() => (windowStart = onWindow.start()), warmup * 1000) : null;
  const windowResult = onWindow
    ? new Promise((resolve) => {
        endTimer = setTimeout(() => resolve(onWindow.end(windowStart)), (warmup + seconds) * 1000);
      })
    : Promise.resolve(null);

  const worker = async () => {
    while (performance.now() < stopAt) {
      const start = performance.now();
      let status = 0;
      let body = '';
      try {
        const res = await pool.request(makeRequest());
        status = res.statusCode;
        body = await res.body.text();
      } catch (error) {
        body = `${error.code ?? ''} ${error.message}`.trim();
      }
      const end = performance.now();
      const inWindow = end >= measureFrom && end <= measureTo;
      if (inWindow) result.inWindow += 1;
      result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1);
      if (status === okStatus) {
        result.total.ok += 1;
        if (!result.firstOk) result.firstOk = body;
        if (inWindow) {
          result.ok += 1;
          latencies.push(end - start);
        }
      } else {
        result.total.other += 1;
        result.errors += 1;
        if (!result.firstError) result.firstError = `${status || 'no response'}: ${body.slice(0, 2000)}`;
        if (result.errors > 1000) stopAt = 0; // something is badly broken: stop hammering
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  let window = null;
  if (stopAt !== 0) window = await windowResult;
  else {
    // Stopped early (too many errors): end the probe now rather than wait for its timer.
    clearTimeout(startTimer);
    clearTimeout(endTimer);
    if (windowStart) window = await onWindow.end(windowStart);
  }
  await pool.close();
  latencies.sort((a, b) => a - b);
  return {
    ...result,
    rps: result.ok / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    window,
  };
}

function percentile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

// ---------------------------------------------------------------------------------------------------
// The ledger baseline: LedgerService.earn in-process (bench/lib/ledger-load.mjs), distinct members,
// unique idempotency keys, the same client counts and durations, on its own fresh database

async function runLedgerBaseline(ledgerUrl) {
  const ledgerApi = await loadApi();
  progress(`migrating ${new URL(ledgerUrl).pathname.slice(1)} for the ledger baseline`);
  await migrate(ledgerApi, ledgerUrl);
  const poolSize = Math.max(...CONNECTIONS);
  const context = await openLedger(ledgerApi, ledgerUrl, poolSize);
  const results = new Map();
  try {
    for (const clients of CONNECTIONS) {
      progress(`${clients} clients: ledger baseline (LedgerService.earn in-process)`);
      const r = await runLedgerScenario(context.ledger, {
        clients,
        shared: false,
        seconds: SECONDS,
        warmup: WARMUP,
      });
      const latencies = r.latencies.sort((a, b) => a - b);
      results.set(clients, {
        jps: r.jps,
        p50: percentile(latencies, 0.5),
        p99: percentile(latencies, 0.99),
        errors: r.errorCount,
        firstError: r.errors[0],
      });
    }
  } finally {
    await context.app.close().catch(() => {});
  }
  return { results, poolSize };
}

// ---------------------------------------------------------------------------------------------------
// Output

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const fmt = (n, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '-';
const pct = (n) => (Number.isFinite(n) ? `${Math.round(n * 100)}%` : '-');
const loads = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

// ---------------------------------------------------------------------------------------------------

async function main() {
  if (CONNECTIONS.some((c) => !Number.isInteger(c) || c <= 0))
    usage(`BENCH_CONNECTIONS must be positive integers, got "${env.BENCH_CONNECTIONS}"`);
  if (!existsSync(API_MAIN)) {
    throw new Error(
      `the API build is missing (${API_MAIN}): run\n  pnpm exec turbo run build --filter=@tally/api...`,
    );
  }

  const admin = new pg.Client({ connectionString: ADMIN_URL, application_name: APP_NAME });
  await admin.connect();
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dbName = `tally_checkout_${stamp}`;
  const benchUrlObject = new URL(ADMIN_URL);
  benchUrlObject.pathname = `/${dbName}`;
  const benchUrl = benchUrlObject.toString();
  const ledgerDbName = `${dbName}_ledger`;
  benchUrlObject.pathname = `/${ledgerDbName}`;
  const ledgerUrl = benchUrlObject.toString();

  let created = false;
  let ledgerCreated = false;
  let api = null;
  let http = null;
  let failed = false;
  let dropping = null;
  const dropDatabase = () =>
    (dropping ??= (async () => {
      if (KEEP_DB) return;
      if (ledgerCreated) await admin.query(`DROP DATABASE IF EXISTS ${ledgerDbName} WITH (FORCE)`);
      if (created) await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    })());
  const onSignal = (signal) => {
    interrupted = true;
    process.stderr.write(`\n${signal}: stopping the API and dropping ${dbName}\n`);
    stopApi(api)
      .catch(() => {})
      .then(() => dropDatabase())
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
    if (Math.max(POOL_SIZE, ...CONNECTIONS) + 10 > maxConn)
      throw new Error(
        `max_connections (${maxConn}) is too low for a pool of ${Math.max(POOL_SIZE, ...CONNECTIONS)}`,
      );
    const undiciVersion = JSON.parse(
      readFileSync(here('../node_modules/undici/package.json'), 'utf8'),
    ).version;
    const loadAtStart = loads();

    // The ledger baseline first, alone; the API starts only after it has finished.
    await admin.query(`CREATE DATABASE ${ledgerDbName}`);
    ledgerCreated = true;
    const baseline = await runLedgerBaseline(ledgerUrl);
    for (const [clients, b] of baseline.results) {
      if (b.errors > 0) {
        failed = true;
        progress(`! ledger baseline, ${clients} clients: ${b.errors} error(s); the first: ${b.firstError}`);
      }
    }

    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    progress(`starting the API on ${origin} (database ${dbName}, DB_POOL_SIZE=${POOL_SIZE})`);
    const startedAt = performance.now();
    api = startApi(benchUrl, port);
    http = new Pool(origin, { connections: SIGNUP_CONCURRENCY + 2, keepAliveTimeout: 60_000 });
    const health = await waitForHealth(http, api);
    const bootSeconds = (performance.now() - startedAt) / 1000;

    let token = await signIn(http);
    const current = await call(http, 'GET', '/api/v1/programme', { token });
    const programme = {
      ...current,
      currency: 'GBP',
      spendUnit: 100,
      pointsPerUnit: 1,
      excludedKinds: ['tax', 'shipping', 'gift_card', 'paid_with_points'],
    };
    await call(http, 'PUT', '/api/v1/programme', { token, body: programme });

    progress(`signing up ${fmt(MEMBERS)} members (${SIGNUP_CONCURRENCY} at a time)`);
    const signUpStart = performance.now();
    const memberIds = await createMembers(http, MEMBERS, runTag);
    const signUpSeconds = (performance.now() - signUpStart) / 1000;

    log(
      'Tally checkout benchmark: POST /api/v1/checkout/earn over HTTP vs the ledger baseline (LedgerService.earn in-process)',
    );
    log(
      `api          node apps/api/dist/main.js (pid ${api.pid}) on ${origin}, version ${health.version}, DB_POOL_SIZE=${POOL_SIZE}, up in ${bootSeconds.toFixed(1)} s`,
    );
    log(
      `database     ${dbName} on PostgreSQL ${server} (synchronous_commit=${sync}), ${cpus().length} CPU(s) shared by API, database and load`,
    );
    log(
      `load         node ${process.version} (one process), undici ${undiciVersion} Pool, one request in flight per connection; ` +
        `${CONNECTIONS.join(', ')} connections, ${SECONDS} s each after a ${WARMUP} s warm-up`,
    );
    log(
      `members      ${fmt(MEMBERS)} signed up in ${signUpSeconds.toFixed(1)} s (${fmt(MEMBERS / signUpSeconds)}/s); ` +
        `each award picks one at random`,
    );
    log(
      `programme    ${programme.pointsPerUnit} point per ${programme.spendUnit / 100} ${programme.currency} of item lines, ` +
        `tax excluded, pending ${programme.pendingDays} days, tiers by ${programme.tierBasis}`,
    );
    log(
      `baseline     LedgerService.earn in-process (bench/lib/ledger-load.mjs) on ${ledgerDbName}, same server, ` +
        `distinct members, pool size ${baseline.poolSize}; run before the API started, same clients and durations`,
    );
    log(`load average ${loadAtStart} at start (1, 5, 15 min)`);
    log();

    const bench = new pg.Client({ connectionString: benchUrl, application_name: APP_NAME });
    await bench.connect();
    const countRows = async () => {
      const { rows } = await bench.query(
        'SELECT (SELECT count(*) FROM ledger_journal)::int AS journals, (SELECT count(*) FROM receipt)::int AS receipts',
      );
      return rows[0];
    };
    const before = await countRows();

    const checkpoint = () => admin.query('CHECKPOINT').catch(() => {});
    const windowProbe = () => ({
      start: async () => ({
        db: await databaseCounters(admin, dbName),
        cpu: await cpuSnapshot(admin, dbName, api.pid),
        stopSampler: startActivitySampler(admin, dbName),
      }),
      end: async (starting) => {
        const started = await starting;
        if (!started) return null;
        const activity = started.stopSampler();
        const db = await databaseCounters(admin, dbName);
        return {
          db: {
            xacts: db.xacts - started.db.xacts,
            rows: db.ins - started.db.ins + db.upd - started.db.upd,
          },
          cpu: cpuShares(started.cpu, {
            at: performance.now(),
            api: processTicks(api.pid),
            machine: machineTicks(),
          }),
          activity,
        };
      },
    });

    const results = [];
    const errorLines = [];
    let awardsSent = 0;
    let firstAward = null;
    for (const connections of CONNECTIONS) {
      const phases = {};
      for (const [name, makeRequest, okStatus] of [
        ['health', healthRequest, 200],
        ['earn', () => earnRequest(memberIds), 201],
      ]) {
        progress(
          `${connections} connections: ${name === 'earn' ? 'POST /api/v1/checkout/earn' : 'GET /api/health'}`,
        );
        await checkpoint();
        const r = await runLoad({
          origin,
          connections,
          seconds: SECONDS,
          warmup: WARMUP,
          makeRequest,
          okStatus,
          onWindow: windowProbe(),
        });
        // Backends publish their statistics about once a second while busy: over a window of steady
        // load what is still unpublished at its start and at its end is about the same, so the
        // difference divided by the requests completed in the window is the cost of one request.
        const db = r.window?.db;
        r.perRequest = {
          xacts: db ? db.xacts / r.inWindow : NaN,
          rows: db ? db.rows / r.inWindow : NaN,
        };
        r.load1 = loadavg()[0];
        if (name === 'earn') {
          awardsSent += r.total.ok;
          firstAward ??= r.firstOk;
        }
        if (r.errors > 0) {
          failed = true;
          const codes = [...r.statuses]
            .filter(([s]) => s !== okStatus)
            .map(([s, n]) => `${s || 'no response'}×${n}`);
          const line = `${connections} connections, ${name}: ${r.errors} error(s) (${codes.join(', ')}); the first:\n    ${r.firstError}`;
          errorLines.push(line);
          progress(`! ${line}`);
        }
        phases[name] = r;
      }
      results.push({ connections, ...phases, ledger: baseline.results.get(connections) });
    }

    const header = [
      'connections',
      'awards/s',
      'p50 ms',
      'p99 ms',
      'errors',
      'ledger journals/s',
      'ledger p99 ms',
      'awards/ledger',
      'health req/s',
    ];
    const rows = results.map((r) => [
      String(r.connections),
      fmt(r.earn.rps),
      fmt(r.earn.p50, 1),
      fmt(r.earn.p99, 1),
      fmt(r.earn.errors),
      fmt(r.ledger.jps),
      fmt(r.ledger.p99, 1),
      pct(r.earn.rps / r.ledger.jps),
      fmt(r.health.rps),
    ]);
    log(table(header, rows));
    log();
    for (const line of errorLines) log(`ERRORS ${line}`);
    if (errorLines.length > 0) log();
    log('awards/s: 201 responses to POST /api/v1/checkout/earn completed per second in the measured window.');
    log(
      'ledger journals/s: LedgerService.earn called in-process (bench/ledger approach), as many concurrent clients, same duration.',
    );
    log(
      'health req/s: 200 responses to GET /api/health (three small queries), same connections and duration.',
    );
    log('errors: responses other than 201 (earn) / 200 (health) and failed requests, warm-up included.');
    log();

    log(
      'Where the time went during each measured window (CPU as a share of one core; the machine has ' +
        `${cpus().length * 100}%):`,
    );
    const diagHeader = [
      'connections',
      'load',
      'API CPU',
      'postgres CPU',
      'load gen CPU',
      'other CPU',
      'DB xacts/req',
      'rows written/req',
      'load avg',
    ];
    const diagRows = [];
    for (const r of results) {
      for (const name of ['health', 'earn']) {
        const p = r[name];
        const cpu = p.window?.cpu ?? {};
        diagRows.push([
          String(r.connections),
          name,
          pct(cpu.api),
          pct(cpu.pg),
          pct(cpu.load),
          pct(cpu.other),
          fmt(p.perRequest.xacts, 1),
          fmt(p.perRequest.rows, 1),
          p.load1.toFixed(2),
        ]);
      }
    }
    log(table(diagHeader, diagRows));
    log();
    log(
      `PostgreSQL backends of ${dbName} (pool of ${POOL_SIZE}), average over ${SAMPLE_MS} ms samples of pg_stat_activity:`,
    );
    for (const r of results) {
      for (const name of ['health', 'earn']) {
        const a = r[name].window?.activity;
        log(
          `  ${String(r.connections).padStart(3)} ${name.padEnd(6)} ${a ? describeActivity(a) : 'no samples'}`,
        );
      }
    }
    log();
    log(
      'other CPU: the rest of the machine (other jobs, the kernel); DB xacts/req: PostgreSQL transactions per request (each autocommit query is one).',
    );

    // ------------------------------------------------------------------ checks after the load
    progress('checking the ledger invariants and the journal count');
    token = await signIn(http);
    const report = await call(http, 'GET', '/api/v1/admin/ledger/verify', { token });
    const after = await countRows();
    await bench.end();
    const journals = after.journals - before.journals;
    const receipts = after.receipts - before.receipts;
    log();
    if (firstAward) {
      const award = JSON.parse(firstAward);
      log(
        `one award    ${award.points} points for a receipt of 2 × 12.34 GBP + 2.00 GBP tax (status ${award.status})`,
      );
    }
    const broken = report.checks.filter((c) => !c.ok);
    if (report.ok && broken.length === 0)
      log(`ledger invariants: all ${report.checks.length} hold (GET /api/v1/admin/ledger/verify)`);
    else {
      failed = true;
      log(`ledger invariants: ${broken.length} BROKEN (GET /api/v1/admin/ledger/verify)`);
      for (const c of broken) log(`  ${c.name}: ${c.detail}`);
    }
    const match = journals === awardsSent && receipts === awardsSent;
    if (!match) failed = true;
    log(
      `journals: ${fmt(journals)} written and ${fmt(receipts)} receipts stored during the load, for ${fmt(awardsSent)} 201 responses ` +
        `(warm-up and drain included) => ${match ? 'match' : 'MISMATCH'}`,
    );
    const { warn, error, fatal } = api.levels;
    log(`API log: ${warn} warn, ${error} error, ${fatal} fatal line(s) at LOG_LEVEL=warn`);
    for (const s of api.samples) log(`  ${s}`);
    log(`load average ${loads()} at the end`);
    if (api.exited) {
      failed = true;
      log(`the API exited during the run: ${JSON.stringify(api.exited)}`);
    }
    log();
    const at = results.find((r) => r.connections === TARGET_CONNECTIONS);
    const ratio = at ? at.earn.rps / at.ledger.jps : NaN;
    const met = at && ratio >= TARGET_RATIO && at.earn.p99 < TARGET_P99_MS;
    log(
      `Target (on 2 cores): awards >= ${TARGET_RATIO * 100}% of the ledger baseline and p99 < ${TARGET_P99_MS} ms ` +
        `at ${TARGET_CONNECTIONS} connections: ${met ? 'MET' : 'NOT MET'} (${pct(ratio)}, p99 ${fmt(at?.earn.p99, 1)} ms)`,
    );
  } finally {
    if (http) await http.close().catch(() => {});
    await stopApi(api).catch(() => {});
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
    if (interrupted) return; // the signal handler stops the API, drops the database and exits
    process.stderr.write(`checkout bench failed: ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
