import { randomUUID } from 'node:crypto';
import { can, type Permission, PROBLEM_CONTENT_TYPE, ProblemSchema, type Role } from '@tally/domain';
import fc from 'fast-check';
import request from 'supertest';
import { type z } from 'zod';
import { DocsService } from '../../src/modules/docs/docs.service.js';
import { campaignDefinition } from '../factories/campaign.factory.js';
import {
  bearerFor,
  createMember,
  createPosKey,
  createStaff,
  createStore,
  createTestApp,
  type TestApp,
} from '../factories/app.factory.js';
import { changedTables, databaseSnapshot } from '../fuzz/database-snapshot.js';
import { type Hints } from '../fuzz/json-schema-example.js';
import {
  type Baseline,
  baselineFor,
  type FuzzRequest,
  isWrite,
  type Operation,
  operationName,
  operationsOf,
  randomRequest,
  rawNumber,
  requestsFor,
  toJson,
} from '../fuzz/openapi-cases.js';

/**
 * Every operation of the OpenAPI document, called by someone allowed to call it, with input that is
 * wrong in every way we could think of (and, seeded, in ways fast-check thinks of). No answer may be a
 * 5xx; every error is a problem+json with a code of ours; a write refuses what is wrong with a 4xx; and
 * after the run the database is exactly as before (every row of every table), the ledger verifies and
 * the members' balances are unchanged.
 */

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
const runs = Number(process.env.FUZZ_RUNS ?? 1000);

let t: TestApp;
let base: string;
const tokens: Partial<Record<Role, string>> = {};
let member: { id: string; cardNumber: string };
let storeId: string;
let hints: Hints;
const ids: Record<string, string> = {};
let operations: Operation[];
let schemas: Map<string, { body?: z.ZodType; query?: z.ZodType }>;
let baselines: Map<Operation, Baseline>;

// eslint-disable-next-line no-control-regex -- NUL is what this looks for
const UNSAFE_TEXT = /[\u0000\uD800-\uDFFF]/u;
function hasUnsafeText(value: unknown): boolean {
  if (typeof value === 'string') return UNSAFE_TEXT.test(value);
  if (Array.isArray(value)) return value.some(hasUnsafeText);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => UNSAFE_TEXT.test(k) || hasUnsafeText(v));
  return false;
}

const api = () => request(base);

async function post(path: string, auth: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await api()
    .post(path)
    .set('authorization', auth)
    .set(headers)
    .send(body as object);
  if (res.status >= 300) throw new Error(`fixture ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
}

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen(0, '127.0.0.1');
  const address = t.server().address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  storeId = await createStore(t.dataSource, 'Fuzz store');
  for (const role of ['admin', 'marketing', 'manager', 'cashier'] as const) {
    const staff = await createStaff(
      t.dataSource,
      role,
      role === 'manager' || role === 'cashier' ? [storeId] : [],
    );
    tokens[role] = await bearerFor(t, 'staff', staff.id);
    ids[role] = staff.id;
  }
  member = await createMember(t.dataSource);
  tokens.member = await bearerFor(t, 'member', member.id);
  tokens.pos = await createPosKey(t.dataSource, storeId);
  const [key] = await t.dataSource.query<[{ id: string }]>(`SELECT id FROM pos_api_key WHERE store_id = $1`, [
    storeId,
  ]);
  ids.posKey = key.id;

  // Real things for the paths and bodies to name, so requests get past their look-ups to the checks.
  const receiptId = `fuzz-${randomUUID().slice(0, 8)}`;
  await post(
    '/api/v1/checkout/earn',
    tokens.pos,
    {
      member: { cardNumber: member.cardNumber },
      receipt: { id: receiptId, currency: 'GBP', lines: [{ sku: 'TEA', quantity: 2, unitPrice: 1250 }] },
    },
    { 'idempotency-key': `fuzz-${randomUUID()}` },
  );
  ids.reward = (
    await post('/api/v1/rewards', tokens.marketing!, {
      name: `Fuzz ${randomUUID().slice(0, 6)}`,
      costPoints: 100,
    })
  ).id;
  ids.campaign = (await post('/api/v1/campaigns', tokens.marketing!, campaignDefinition())).id;
  ids.segment = (
    await post('/api/v1/segments', tokens.marketing!, {
      name: `Fuzz ${randomUUID().slice(0, 8)}`,
      rules: [{ kind: 'visits', days: 30, min: 1 }],
    })
  ).id;
  ids.webhook = (
    await post('/api/v1/admin/webhooks', tokens.admin!, {
      url: 'http://127.0.0.1:9/fuzz',
      events: ['tier.changed'],
      enabled: false,
    })
  ).id;
  ids.idea = (
    await post('/api/v1/ideas', tokens.member, {
      title: `Fuzzed idea about paper bags ${randomUUID().slice(0, 6)}`,
      description: 'Paper bags at every till, please.',
      category: 'sustainability',
    })
  ).id;
  await post(`/api/v1/admin/ideas/${ids.idea}/approve`, tokens.marketing!, {});

  hints = {
    member: { cardNumber: member.cardNumber },
    cardNumber: member.cardNumber,
    storeId,
    storeIds: [storeId],
    receiptId,
    points: 10,
    // Optional fields, so that "change at least one field" bodies change one.
    marketingConsent: false,
    stock: 5,
    email: () => `fuzz-${randomUUID().slice(0, 8)}@example.com`,
  };

  const document = (await api().get('/api/docs/openapi.json').expect(200)).body;
  operations = operationsOf(document);
  schemas = new Map(
    t.app
      .get(DocsService)
      .routes()
      .map((r) => [
        `${r.method} ${r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`,
        { body: r.doc?.body, query: r.doc?.query },
      ]),
  );
  baselines = new Map(operations.map((op) => [op, baselineFor(op, hints, pathValuesFor(op))]));
  process.stdout.write(
    `fuzz: ${operations.length} operations, seed ${seed}, ${runs} random runs (replay with FUZZ_SEED=${seed})\n`,
  );
});

afterAll(async () => {
  if (ids.webhook)
    await api().delete(`/api/v1/admin/webhooks/${ids.webhook}`).set('authorization', tokens.admin!);
  await t.close();
});

/** Real ids for the path parameters of the things the fixtures made; a random UUID elsewhere. */
function pathValuesFor(op: Operation): Record<string, string> {
  const byPath: [RegExp, string][] = [
    [/^\/api\/v1\/campaigns\/\{id\}/, ids.campaign!],
    [/^\/api\/v1\/segments\/\{id\}/, ids.segment!],
    [/^\/api\/v1\/(me\/)?rewards\/\{id\}/, ids.reward!],
    [/^\/api\/v1\/admin\/webhooks\/\{id\}/, ids.webhook!],
    [/^\/api\/v1\/(admin\/)?ideas\/\{id\}/, ids.idea!],
    [/^\/api\/v1\/staff\/\{id\}/, ids.cashier!],
    [/^\/api\/v1\/pos-keys\/\{id\}/, ids.posKey!],
    [/^\/api\/v1\/members\/\{id\}/, member.id],
  ];
  const values: Record<string, string> = {};
  for (const name of op.pathParams) {
    const found = name === 'id' ? byPath.find(([pattern]) => pattern.test(op.path)) : undefined;
    values[name] = found ? found[1] : name === 'action' ? 'pause' : randomUUID();
  }
  return values;
}

/** Who calls an operation: someone its permission allows (a POS key at the till, a member for their own things). */
function roleFor(op: Operation): Role | undefined {
  if (op.permission === 'public') return undefined;
  const permission = op.permission as Permission;
  const order: Role[] = permission.startsWith('checkout:')
    ? ['pos']
    : ['admin', 'marketing', 'manager', 'cashier', 'member', 'pos'];
  const role = order.find((r) => can(r, permission));
  if (!role) throw new Error(`nobody may call ${operationName(op)} (${op.permission})`);
  return role;
}

/**
 * A session that stops working means a wrong request ended it (a logout or a role change that went
 * through): that is reported, and a new session lets the rest of the run reach its checks.
 */
async function renewSession(role: Role): Promise<void> {
  if (role === 'pos') return;
  tokens[role] = await bearerFor(
    t,
    role === 'member' ? 'member' : 'staff',
    role === 'member' ? member.id : ids[role]!,
  );
}

/** Whether the request is wrong by the operation's own schema, or carries text no column can hold. */
function isBad(op: Operation, req: FuzzRequest): boolean {
  if (req.malformed) return true;
  // The value as the server parses it (numbers written as raw text included). Services read a
  // missing body as `{}`, and JSON `null` is how a client says "no body".
  const parsed: unknown = req.value === undefined ? undefined : JSON.parse(toJson(req.value));
  const value = parsed === null ? {} : parsed;
  if (hasUnsafeText(value) || hasUnsafeText(req.query)) return true;
  const schema = schemas.get(operationName(op));
  if (req.query && schema?.query && !schema.query.safeParse(req.query).success) return true;
  if (value !== undefined && schema?.body && !schema.body.safeParse(value).success) return true;
  return false;
}

interface Answer {
  status: number;
  type: string;
  text: string;
}

/** Sends with fetch (keep-alive), which passes a URL's percent escapes and a body's bytes as they are. */
async function send(op: Operation, req: FuzzRequest): Promise<Answer> {
  const headers: Record<string, string> = {};
  const role = roleFor(op);
  if (role) headers.authorization = tokens[role]!;
  for (const [name, value] of Object.entries({ ...baselines.get(op)!.headers, ...req.headers }))
    if (value !== null) headers[name] = value;
  if (req.contentType !== undefined) headers['content-type'] = req.contentType;
  const res = await fetch(`${base}${req.url}`, {
    method: op.method.toUpperCase(),
    headers,
    ...(req.body !== undefined && op.method !== 'get' ? { body: req.body } : {}),
  });
  const answer = { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  if (role && res.status === 401) await renewSession(role);
  return answer;
}

/** What is wrong with an answer, or null. */
function verdict(op: Operation, req: FuzzRequest, res: Answer): string | null {
  if (res.status >= 500) return `${res.status} ${res.text.slice(0, 160)}`;
  if (res.status === 401 && op.permission !== 'public')
    return '401: the caller’s session had been ended by an earlier request';
  if (res.status >= 400) {
    const type = res.type;
    if (!type.startsWith(PROBLEM_CONTENT_TYPE))
      return `${res.status} as ${type || 'no content type'}: ${res.text.slice(0, 120)}`;
    const problem = ProblemSchema.safeParse(JSON.parse(res.text));
    if (!problem.success) return `${res.status} problem does not parse: ${res.text.slice(0, 120)}`;
    if (problem.data.status !== res.status)
      return `${res.status} but the problem says ${problem.data.status}`;
    return null;
  }
  if (isWrite(op) && isBad(op, req)) return `${res.status}: the write accepted it`;
  return null;
}

describe('fuzzing every operation of the OpenAPI document', () => {
  let before: Record<string, string>;
  let balance: unknown;
  const failures: string[] = [];
  let sent = 0;

  beforeAll(async () => {
    balance = (
      await api().get(`/api/v1/members/${member.id}/balance`).set('authorization', tokens.admin!).expect(200)
    ).body;
    before = await databaseSnapshot(t.dataSource);
  });

  it('starts every operation from a body its schema accepts, so each wrong field is refused for itself', () => {
    const invalid = operations.flatMap((op) => {
      const schema = schemas.get(operationName(op))?.body;
      const result = schema?.safeParse(baselines.get(op)!.body);
      return result && !result.success ? [`${operationName(op)}: ${result.error.message}`] : [];
    });
    expect(invalid).toEqual([]);
  });

  it('covers every operation of the document', () => {
    expect(operations.length).toBe(t.app.get(DocsService).routes().length);
    for (const op of operations) expect(() => roleFor(op)).not.toThrow();
  });

  it('answers wrong input of every kind with a 4xx problem+json, never a 5xx, on every operation', async () => {
    const started = Date.now();
    const queue = operations.flatMap((op, position) =>
      requestsFor(op, baselines.get(op)!, position)
        .filter((req) => !isWrite(op) || isBad(op, req))
        .map((req) => ({ op, req })),
    );
    // A few requests in flight at once, as clients would send them; none of them may write anything.
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const { op, req } = next;
        let res: Answer;
        try {
          res = await send(op, req);
        } catch (error) {
          failures.push(`${operationName(op)} — ${req.label}: no answer (${(error as Error).message})`);
          continue;
        }
        sent++;
        const wrong = verdict(op, req, res);
        if (wrong) failures.push(`${operationName(op)} — ${req.label}: ${wrong}`);
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    process.stdout.write(`fuzz: ${sent} fixed requests in ${Date.now() - started} ms\n`);
    expect(failures.sort()).toEqual([]);
  }, 180_000);

  it('answers seeded random values in every place (body, query, path) without a 5xx', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom(
        '\u0000',
        '\ud800',
        '\udc00x',
        'a\u0000b',
        '',
        ' ',
        '%',
        '../',
        '"',
        '\\',
        '9'.repeat(400),
      ),
    );
    const value: fc.Arbitrary<unknown> = fc.oneof(
      text,
      fc.integer(),
      fc.double(),
      fc.bigInt({ min: -(2n ** 100n), max: 2n ** 100n }).map((n) => rawNumber(n.toString())),
      fc.boolean(),
      fc.constant(null),
      fc.jsonValue({ maxDepth: 3 }),
      fc.array(text, { maxLength: 3 }),
      fc.dictionary(text, text, { maxKeys: 3 }),
    );
    const started = Date.now();
    let random = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(operations.length - 1), fc.nat(), value, text, async (which, where, v, s) => {
        const op = operations[which]!;
        const req = randomRequest(op, baselines.get(op)!, where, v, s);
        if (!req) return;
        // A write gets only what its schema refuses: a valid write would rightly change the database.
        fc.pre(!isWrite(op) || isBad(op, req));
        const res = await send(op, req);
        random++;
        const wrong = verdict(op, req, res);
        if (wrong) throw new Error(`${operationName(op)} — ${req.label}: ${wrong}`);
      }),
      { seed, numRuns: runs, maxSkipsPerRun: 1000 },
    );
    process.stdout.write(`fuzz: ${random} random requests in ${Date.now() - started} ms\n`);
  }, 180_000);

  it('changed nothing: every table as before, the ledger verifies and the balance is the same', async () => {
    const verify = await api()
      .get('/api/v1/admin/ledger/verify')
      .set('authorization', tokens.admin!)
      .expect(200);
    expect(verify.body.checks.filter((c: { ok: boolean }) => !c.ok)).toEqual([]);
    expect(verify.body.ok).toBe(true);
    const after = (
      await api().get(`/api/v1/members/${member.id}/balance`).set('authorization', tokens.admin!).expect(200)
    ).body;
    expect(after).toEqual(balance);
    expect(changedTables(before, await databaseSnapshot(t.dataSource))).toEqual([]);
  });
});
