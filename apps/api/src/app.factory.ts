import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { type FastifyInstance } from 'fastify';
import { type Logger } from 'pino';
import { type DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { FrameworkProblems } from './common/filters/framework-errors.js';
import { type NotFoundFallback, ProblemFilter } from './common/filters/problem.filter.js';
import { registerUnsafeTextGuard } from './common/http/unsafe-text.js';
import { JsonLogger } from './common/logging/logger.js';
import { type AppConfig } from './config/config.js';
import { runMigrations } from './database/data-source.js';

const require = createRequire(import.meta.url);

/**
 * Builds the whole HTTP application exactly as production runs it (used by main.ts and the e2e tests):
 * Fastify with JSON logs and request ids, problem+json for every error, migrations, static front ends.
 */
export async function createApp(config: AppConfig, logger: Logger): Promise<NestFastifyApplication> {
  const frameworkProblems = new FrameworkProblems();
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const header = req.headers['x-request-id'];
      return typeof header === 'string' && /^[\w.:-]{1,100}$/.test(header) ? header : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: config.env.TRUST_PROXY,
    ...frameworkProblems.options,
  });
  frameworkProblems.watch(adapter);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new JsonLogger(logger),
    bufferLogs: false,
    // The parsed bodies keep their bytes, so the input guard can refuse a body that is not UTF-8.
    rawBody: true,
  });
  app.enableShutdownHooks();

  const fastify: FastifyInstance = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  // Errors Fastify raises before a route runs (malformed JSON, wrong content type, too large) reach
  // Nest's error handler and so the ProblemFilter, like every other error; the router's and Node's
  // own answers are made problems by `frameworkProblems` above.

  // Text no column can hold is refused before any route reads it (common/http/unsafe-text.ts).
  registerUnsafeTextGuard(fastify);

  await fastify.register(fastifyCookie);
  app.useGlobalFilters(new ProblemFilter(await registerStatic(fastify, config)));

  if (config.env.MIGRATIONS_RUN) {
    const ran = await runMigrations(app.get<DataSource>(getDataSourceToken()));
    if (ran > 0) logger.info({ migrations: ran }, 'migrations applied');
  }
  await app.init();
  return app;
}

/**
 * Caching of the built front ends. Files under `assets/` carry a content hash in their name, so they
 * never change and may be kept for a year. Everything else (`index.html`, the portal's service worker
 * `sw.js`, its web manifest) keeps its name across builds and must be revalidated every time, or a
 * browser would hold on to an old shell or an old service worker.
 */
function frontEndHeaders(reply: { header(name: string, value: string): unknown }, path: string): void {
  const immutable = /[\\/]assets[\\/][^\\/]+$/.test(path);
  reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (path.endsWith('.webmanifest')) reply.header('content-type', 'application/manifest+json; charset=utf-8');
}

async function registerStatic(fastify: FastifyInstance, config: AppConfig): Promise<NotFoundFallback> {
  const swaggerUi = resolve(require.resolve('swagger-ui-dist/package.json'), '..');
  await fastify.register(fastifyStatic, {
    root: swaggerUi,
    prefix: '/api/docs/assets/',
    decorateReply: false,
  });

  const apps: { dir: string | undefined; prefix: string }[] = [
    { dir: config.env.CONSOLE_DIR, prefix: '/console/' },
    { dir: config.env.PORTAL_DIR, prefix: '/' },
  ];
  const served: { dir: string; prefix: string }[] = [];
  for (const { dir, prefix } of apps) {
    if (!dir) continue;
    const root = resolve(dir);
    if (!existsSync(resolve(root, 'index.html'))) {
      throw new Error(
        `${prefix === '/' ? 'PORTAL_DIR' : 'CONSOLE_DIR'}: no index.html in ${root} (build the front end first)`,
      );
    }
    await fastify.register(fastifyStatic, {
      root,
      prefix,
      decorateReply: served.length === 0,
      wildcard: true,
      index: ['index.html'],
      setHeaders: frontEndHeaders,
    });
    served.push({ dir: root, prefix });
  }

  // Unknown GET paths under a front end get its index.html (client-side routes); API paths get a problem.
  return (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (request.method !== 'GET' || path === '/api' || path.startsWith('/api/')) return false;
    const spa = served.find((s) => path.startsWith(s.prefix));
    if (!spa) return false;
    void (reply as unknown as { sendFile(file: string, root: string): unknown }).sendFile(
      'index.html',
      spa.dir,
    );
    return true;
  };
}
