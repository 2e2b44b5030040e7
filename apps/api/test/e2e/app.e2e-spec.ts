import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { HealthResponseSchema, ProblemSchema } from '@tally/domain';
import request from 'supertest';
import { createApp } from '../../src/app.factory.js';
import { createRootLogger } from '../../src/common/logging/logger.js';
import { packageVersion } from '../../src/config/config.js';
import { parseEnv } from '../../src/config/env.schema.js';
import { migrateTestDatabase, testDatabaseKind, testDatabaseUrl } from '../setup/test-database.js';

let app: NestFastifyApplication;
let staticRoot: string;

beforeAll(async () => {
  await migrateTestDatabase();
  staticRoot = await mkdtemp(join(tmpdir(), 'tally-static-'));
  for (const name of ['portal', 'console']) {
    await mkdir(join(staticRoot, name));
    await writeFile(join(staticRoot, name, 'index.html'), `<!doctype html><title>${name}</title>`);
  }
  await mkdir(join(staticRoot, 'portal', 'assets'));
  await writeFile(join(staticRoot, 'portal', 'assets', 'index-AbC123.js'), 'export {};\n');
  await writeFile(join(staticRoot, 'portal', 'sw.js'), 'self.addEventListener("fetch", () => {});\n');
  await writeFile(join(staticRoot, 'portal', 'manifest.webmanifest'), '{"name":"Tally"}\n');
  const env = parseEnv({
    LOG_LEVEL: 'silent',
    PORTAL_DIR: join(staticRoot, 'portal'),
    CONSOLE_DIR: join(staticRoot, 'console'),
  });
  app = await createApp(
    { env, databaseUrl: testDatabaseUrl(), databaseKind: testDatabaseKind(), version: packageVersion() },
    createRootLogger('silent'),
  );
  await app.getHttpAdapter().getInstance().ready();
});

afterAll(async () => {
  await app.close();
  await rm(staticRoot, { recursive: true, force: true });
});

const server = () => app.getHttpServer();

describe('the HTTP application', () => {
  it('reports liveness and a ready database on /api/health', async () => {
    const res = await request(server()).get('/api/health').expect(200);
    const body = HealthResponseSchema.parse(res.body);
    expect(body.status).toBe('ok');
    expect(body.database).toMatchObject({ status: 'up', kind: testDatabaseKind(), migrationsPending: 0 });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('echoes a caller’s request id and makes one up otherwise', async () => {
    const given = await request(server()).get('/api/health').set('x-request-id', 'till-7.req-42');
    expect(given.headers['x-request-id']).toBe('till-7.req-42');
    const made = await request(server()).get('/api/health');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown API path with a problem+json 404, not the front end', async () => {
    const res = await request(server()).get('/api/v1/nothing-here').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(ProblemSchema.parse(res.body)).toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
      instance: '/api/v1/nothing-here',
    });
  });

  it('answers malformed JSON with a 400 problem, never a 5xx', async () => {
    const res = await request(server())
      .post('/api/health')
      .set('content-type', 'application/json')
      .send('{"points": ')
      .expect(400);
    expect(ProblemSchema.parse(res.body).code).toBe('MALFORMED_REQUEST');
  });

  it('refuses a body over the size limit with a 413 problem', async () => {
    const res = await request(server())
      .post('/api/health')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ pad: 'x'.repeat(1_100_000) }))
      .expect(413);
    expect(ProblemSchema.parse(res.body).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('serves an OpenAPI 3.1 document generated from the zod schemas', async () => {
    const res = await request(server()).get('/api/docs/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    const health = res.body.paths['/api/health'].get;
    expect(health.responses['200'].content['application/json'].schema.properties.database).toBeDefined();
    expect(health.responses['4XX'].content['application/problem+json'].schema.$ref).toBe(
      '#/components/schemas/Problem',
    );
    expect(res.body.components.schemas.Problem.properties.code.enum).toContain('INSUFFICIENT_POINTS');
  });

  it('serves the API reference page and its assets', async () => {
    const page = await request(server()).get('/api/docs').expect(200);
    expect(page.text).toContain('swagger-ui');
    await request(server()).get('/api/docs/assets/swagger-ui-bundle.js').expect(200);
  });

  it('serves the portal at / and the console at /console/, with client-side routes falling back to index.html', async () => {
    expect((await request(server()).get('/').expect(200)).text).toContain('<title>portal</title>');
    expect((await request(server()).get('/console/').expect(200)).text).toContain('<title>console</title>');
    expect((await request(server()).get('/statement').expect(200)).text).toContain('<title>portal</title>');
    expect((await request(server()).get('/console/staff/42').expect(200)).text).toContain(
      '<title>console</title>',
    );
  });

  it('serves the portal’s service worker and shell uncached, as JavaScript and HTML, and hashed assets as immutable', async () => {
    const sw = await request(server()).get('/sw.js').expect(200);
    expect(sw.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(sw.headers['cache-control']).toBe('no-cache');

    for (const path of ['/', '/index.html', '/card']) {
      const shell = await request(server()).get(path).expect(200);
      expect(shell.headers['content-type']).toMatch(/^text\/html/);
      expect(shell.headers['cache-control']).toBe('no-cache');
    }

    const manifest = await request(server()).get('/manifest.webmanifest').expect(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers['cache-control']).toBe('no-cache');

    const asset = await request(server()).get('/assets/index-AbC123.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});
