import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface RunningDatabase {
  url: string;
  kind: 'embedded' | 'server';
  stop(): Promise<void>;
}

/**
 * Embedded PostgreSQL for the zero-setup default: PGlite (PostgreSQL compiled to WebAssembly) behind
 * its socket server, so TypeORM uses its ordinary `postgres` driver and the same SQL and migrations as
 * production. The socket server runs one transaction at a time across connections, which keeps
 * concurrent transactions correct (they are serialised rather than interleaved).
 *
 * `dataDir` undefined keeps everything in memory (tests); otherwise the folder survives restarts.
 */
export async function startEmbeddedPostgres(
  options: { dataDir?: string; maxConnections?: number } = {},
): Promise<RunningDatabase> {
  let dataDir: string | undefined;
  if (options.dataDir) {
    dataDir = resolve(options.dataDir);
    await mkdir(dataDir, { recursive: true });
  }
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: 0,
    maxConnections: options.maxConnections ?? 100,
  });
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  let stopped = false;
  return {
    url,
    kind: 'embedded',
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}

export function externalDatabase(url: string): RunningDatabase {
  return { url, kind: 'server', stop: async () => undefined };
}
