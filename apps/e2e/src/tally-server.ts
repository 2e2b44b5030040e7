import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** What `pnpm build` produces and the journeys run. */
const BUILT = ['apps/api/dist/main.js', 'apps/portal/dist/index.html', 'apps/console/dist/index.html'];
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;
/** Another process can take the free port between our probe and the API's listen: try a new one. */
const PORT_ATTEMPTS = 3;

export interface TallyServer {
  origin: string;
  databaseUrl: string | null;
  logs: () => string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A fresh database: a new one on the server named by TEST_DATABASE_URL, or an embedded one in a new folder. */
async function freshDatabase(
  env: NodeJS.ProcessEnv,
): Promise<{ databaseUrl: string | null; cleanup: () => Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const dataDir = await mkdtemp(join(tmpdir(), 'tally-e2e-'));
    env.DATA_DIR = dataDir;
    return { databaseUrl: null, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const name = `tally_e2e_${Date.now().toString(36)}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  return {
    databaseUrl: env.DATABASE_URL,
    cleanup: async () => {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts the built product exactly as `pnpm start` does (API serving both front ends, demo data), on a
 * fresh database: a new database on the server named by TEST_DATABASE_URL, or embedded PostgreSQL in a
 * temporary folder. Emails stay in the outbox (no SMTP_URL) and their links point at this server.
 */
export async function startTally(): Promise<TallyServer> {
  const missing = BUILT.filter((file) => !existsSync(join(root, file)));
  if (missing.length > 0) {
    throw new Error(
      `the product is not built (missing ${missing.join(', ')}): run \`pnpm build\` first, or \`pnpm test\` from the root`,
    );
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // Jest sets NODE_ENV=test; the product runs as `pnpm start` runs it.
    NODE_ENV: 'development',
    DEMO_SEED: 'true',
    PORTAL_DIR: join(root, 'apps/portal/dist'),
    CONSOLE_DIR: join(root, 'apps/console/dist'),
  };
  // Settings of the caller's shell that would change what the journeys see.
  for (const name of ['DATABASE_URL', 'DATA_DIR', 'PUBLIC_URL', 'SMTP_URL', 'COOKIE_SECURE', 'TRUST_PROXY']) {
    delete env[name];
  }
  const { databaseUrl, cleanup } = await freshDatabase(env);
  try {
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const started = await startApi({ ...env, PORT: String(port) }, `http://127.0.0.1:${port}`);
      if ('child' in started) {
        const { child, origin, logs } = started;
        return {
          origin,
          databaseUrl,
          logs,
          async stop() {
            try {
              await stopChild(child);
            } finally {
              await cleanup();
            }
          },
        };
      }
      if (!started.portTaken || attempt >= PORT_ATTEMPTS) throw new Error(started.message);
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
}

type Started =
  { child: ChildProcess; origin: string; logs: () => string } | { portTaken: boolean; message: string };

async function startApi(env: NodeJS.ProcessEnv, origin: string): Promise<Started> {
  const child = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const spawnFailure: { error: Error | null } = { error: null };
  child.once('error', (error) => (spawnFailure.error = error));
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (spawnFailure.error) {
      return { portTaken: false, message: `could not start the API: ${spawnFailure.error.message}` };
    }
    if (child.exitCode !== null) {
      return {
        portTaken: output.includes('EADDRINUSE'),
        message: `the API exited with ${child.exitCode}:\n${output}`,
      };
    }
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.ok) return { child, origin, logs: () => output };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stopChild(child);
      return { portTaken: false, message: `the API did not become healthy in 90 s:\n${output}` };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
