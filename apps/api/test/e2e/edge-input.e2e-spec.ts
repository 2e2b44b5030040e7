import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { PROBLEM_CONTENT_TYPE, ProblemSchema } from '@tally/domain';
import request from 'supertest';
import {
  bearerFor,
  createMember,
  createPosKey,
  createStaff,
  createStore,
  createTestApp,
  type TestApp,
} from '../factories/app.factory.js';

/**
 * Text no column can hold (NUL, unpaired UTF-16 surrogates, bytes that are not UTF-8) is refused in
 * one place with a 400 naming the field, before any route reads it; and the answers Fastify's router
 * and Node's HTTP parser write themselves are problem+json like every other error.
 */

let t: TestApp;
let storeId: string;
let pos: string;
let admin: string;
let marketing: string;

beforeAll(async () => {
  t = await createTestApp();
  storeId = await createStore(t.dataSource);
  pos = await createPosKey(t.dataSource, storeId);
  admin = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'admin')).id);
  marketing = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'marketing')).id);
});
afterAll(async () => {
  await t.close();
});

const api = () => request(t.server());

function expectProblem(res: request.Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(new RegExp(`^${PROBLEM_CONTENT_TYPE.replace('+', '\\+')}`));
  const problem = ProblemSchema.parse(res.body);
  expect(problem).toMatchObject({ status, code });
  return problem;
}

const fields = (res: request.Response) => (res.body.errors ?? []).map((e: { field: string }) => e.field);

async function memberState(memberId: string) {
  const [row] = await t.dataSource.query<[{ journals: number; receipts: number }]>(
    `SELECT (SELECT count(*)::int FROM ledger_journal WHERE member_id = $1) AS journals,
            (SELECT count(*)::int FROM receipt WHERE member_id = $1) AS receipts`,
    [memberId],
  );
  const balance = (
    await api().get(`/api/v1/members/${memberId}/balance`).set('authorization', admin).expect(200)
  ).body;
  return { ...row, balance };
}

const earn = (body: object, key = randomUUID()) =>
  api().post('/api/v1/checkout/earn').set('authorization', pos).set('idempotency-key', key).send(body);

describe('text no column can hold', () => {
  it.each([
    ['a NUL in a SKU', 'receipt.lines.0.sku', 'NUL', [{ sku: 'tea\u0000', quantity: 1, unitPrice: 500 }]],
    [
      'an unpaired surrogate in a category',
      'receipt.lines.1.category',
      'surrogate',
      [
        { sku: 'tea', quantity: 1, unitPrice: 500 },
        { sku: 'cake', category: 'bakery\ud800', quantity: 1, unitPrice: 300 },
      ],
    ],
  ])(
    'refuses %s of a till receipt with a 400 naming %s, and writes nothing',
    async (_, field, why, lines) => {
      const member = await createMember(t.dataSource);
      const before = await memberState(member.id);
      const res = await earn({
        member: { cardNumber: member.cardNumber },
        receipt: { id: `R-${randomUUID().slice(0, 8)}`, currency: 'GBP', lines },
      });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(fields(res)).toEqual([field]);
      expect(res.body.errors[0].message).toContain(why);
      expect(await memberState(member.id)).toEqual(before);
    },
  );

  it.each([
    ['refund', '/api/v1/checkout/refund', { receiptId: 'R-\u0000' }],
    [
      'redeem',
      '/api/v1/checkout/redeem',
      { member: { cardNumber: '000000000000' }, points: 10, receiptId: 'R-\udfff' },
    ],
  ])('refuses bad text in a %s’s receiptId with a 400 naming it', async (_, path, body) => {
    const res = await api()
      .post(path)
      .set('authorization', pos)
      .set('idempotency-key', randomUUID())
      .send(body);
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fields(res)).toEqual(['receiptId']);
  });

  it('refuses a NUL in the public ideas search (anyone can send it) with a 400 naming query.q', async () => {
    const res = await api().get('/api/v1/ideas?q=%00');
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fields(res)).toEqual(['query.q']);
  });

  it.each([
    ['/api/v1/audit?action=a%00b', 'query.action'],
    ['/api/v1/audit?actorId=%00', 'query.actorId'],
    ['/api/v1/admin/jobs/runs?name=%00', 'query.name'],
    ['/api/v1/members/%00/balance', 'params.id'],
  ])('refuses a NUL in %s, naming %s', async (path, field) => {
    const res = await api().get(path).set('authorization', admin);
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fields(res)).toEqual([field]);
  });

  it.each([
    ['a reward’s name', 'post', '/api/v1/rewards', { name: 'Free \ud800 coffee', costPoints: 100 }, 'name'],
    [
      'a store’s name',
      'post',
      '/api/v1/stores',
      { code: 'NUL-01', name: 'Shop\u0000', timezone: 'Europe/London' },
      'name',
    ],
    [
      'a segment’s name',
      'post',
      '/api/v1/segments',
      { name: 'Loyal\u0000', rules: [{ kind: 'visits', days: 30, min: 1 }] },
      'name',
    ],
    ['a POS key’s name', 'post', '/api/v1/pos-keys', { storeId: 'x', name: 'Till \udc00' }, 'name'],
    [
      'a webhook’s description',
      'post',
      '/api/v1/admin/webhooks',
      { url: 'https://example.com/h', events: ['points.earned'], description: '\u0000' },
      'description',
    ],
    [
      'a staff invitation’s name',
      'post',
      '/api/v1/staff/invitations',
      { email: 'n@example.com', name: 'Ann\u0000', role: 'cashier' },
      'name',
    ],
    ['a field name', 'post', '/api/v1/rewards', { name: 'Tea', costPoints: 10, 'x\u0000y': 1 }, 'x\u0000y'],
  ])(
    'refuses bad text in %s, naming the field, and creates nothing',
    async (_, method, path, body, field) => {
      const auth = path.includes('rewards') || path.includes('segments') ? marketing : admin;
      const tables = ['reward', 'store', 'segment', 'pos_api_key', 'webhook_endpoint', 'staff_user'];
      const count = async () =>
        Promise.all(
          tables.map(
            async (name) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${name}`))[0].n,
          ),
        );
      const before = await count();
      const res = await api()[method as 'post'](path).set('authorization', auth).send(body);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(fields(res)).toEqual([field]);
      expect(await count()).toEqual(before);
    },
  );

  it('accepts text with emoji (surrogate pairs are valid) and keeps it exactly', async () => {
    const name = `Free coffee ☕😀 ${randomUUID().slice(0, 4)}`;
    const res = await api()
      .post('/api/v1/rewards')
      .set('authorization', marketing)
      .send({ name, costPoints: 100 });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe(name);
  });

  it('refuses a JSON body that is not UTF-8 (it would be silently altered) and creates nothing', async () => {
    const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM reward`))[0].n;
    const bytes = Buffer.concat([
      Buffer.from('{"name":"Caf'),
      Buffer.from([0xe9]), // Latin-1 é: not UTF-8
      Buffer.from('","costPoints":100}'),
    ]);
    const res = await api()
      .post('/api/v1/rewards')
      .set('authorization', marketing)
      .set('content-type', 'application/json')
      .serialize((body: Buffer) => body as unknown as string) // the bytes as they are, not JSON of a Buffer
      .send(bytes);
    expectProblem(res, 400, 'MALFORMED_REQUEST');
    expect(res.body.detail).toContain('UTF-8');
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM reward`))[0].n).toBe(before);
  });

  it('walks a body nested 100,000 deep without failing (400, not a 5xx)', async () => {
    const res = await api()
      .post('/api/v1/rewards')
      .set('authorization', marketing)
      .set('content-type', 'application/json')
      .send(`{"name":${'['.repeat(100_000)}"\\u0000"${']'.repeat(100_000)},"costPoints":1}`);
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fields(res)[0]).toMatch(/^name\.0\.0\.0/);
  });

  it('ignores a cookie holding a NUL (another application’s cookie must not lock anyone out)', async () => {
    const member = await createMember(t.dataSource);
    const bearer = await bearerFor(t, 'member', member.id);
    await api().get('/api/v1/me').set('authorization', bearer).set('cookie', 'other_app=%00x').expect(200);
    const cookieOnly = await api().get('/api/v1/me').set('cookie', 'tally_member_at=%00abc');
    expectProblem(cookieOnly, 401, 'UNAUTHENTICATED');
  });
});

/** One request written by hand on a socket: for what an HTTP client library would not send. */
function rawRequest(text: string | Buffer): Promise<{ status: number; type: string; body: string }> {
  const server = t.server();
  if (!server.listening) server.listen(0, '127.0.0.1');
  return new Promise((resolve, reject) => {
    const start = () => {
      const address = server.address();
      const socket = connect(typeof address === 'object' && address ? address.port : 0, '127.0.0.1');
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString('latin1')));
      socket.on('error', reject);
      socket.on('close', () => {
        const [head = '', body = ''] = data.split('\r\n\r\n');
        resolve({
          status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]),
          type: /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '',
          body,
        });
      });
      socket.end(text);
    };
    if (server.listening) start();
    else server.once('listening', start);
  });
}

describe('errors written by the framework itself', () => {
  it('answers a 10,000-character path parameter with a 414 problem URI_TOO_LONG', async () => {
    const res = await api()
      .get(`/api/v1/members/${'a'.repeat(10_000)}/balance`)
      .set('authorization', admin);
    const problem = expectProblem(res, 414, 'URI_TOO_LONG');
    expect(problem.detail).not.toContain('aaaa');
    expect(res.headers['x-request-id']).toBe(problem.requestId);
  });

  it('answers an unpaired surrogate in the path (%ED%A0%80) with a 400 problem', async () => {
    const res = await api().get('/api/v1/members/%ED%A0%80/balance').set('authorization', admin);
    expectProblem(res, 400, 'MALFORMED_REQUEST');
  });

  it('answers headers over 16 kB (a 64 kB query string) with a 431 problem', async () => {
    const res = await rawRequest(`GET /api/health?pad=${'x'.repeat(64 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect(ProblemSchema.parse(JSON.parse(res.body)).code).toBe('HEADERS_TOO_LARGE');
  });

  it('answers bytes that are not HTTP, and a NUL in a header, with a 400 problem', async () => {
    for (const text of [
      'NOT HTTP AT ALL\r\n\r\n',
      'GET /api/health HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n',
    ]) {
      const res = await rawRequest(Buffer.from(text, 'latin1'));
      expect(res.status).toBe(400);
      expect(res.type).toMatch(/^application\/problem\+json/);
      expect(ProblemSchema.parse(JSON.parse(res.body)).code).toBe('MALFORMED_REQUEST');
    }
  });
});
