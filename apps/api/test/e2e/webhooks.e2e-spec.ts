import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { DEFAULT_PROGRAMME, type WebhookPayload } from '@tally/domain';
import request from 'supertest';
import { LedgerService, systemContext } from '../../src/modules/ledger/ledger.service.js';
import {
  WEBHOOK_MAX_ATTEMPTS,
  WebhookDeliveryService,
  webhookRetryDelay,
} from '../../src/modules/webhooks/webhook-delivery.service.js';
import { WebhookEventsService } from '../../src/modules/webhooks/webhook-events.service.js';
import {
  bearerFor,
  createMember,
  createPosKey,
  createStaff,
  createStore,
  createTestApp,
  setProgramme,
  type TestApp,
} from '../factories/app.factory.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on a local port; answers with the scripted statuses in turn, then 200. */
async function startReceiver(statuses: number[] = []) {
  const received: Received[] = [];
  const script = [...statuses];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      const status = script.shift() ?? 200;
      res
        .writeHead(status, { 'content-type': 'text/plain' })
        .end(status < 300 ? 'ok thanks' : `nope ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    failNext: (...more: number[]) => script.push(...more),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What a receiver does: recompute the HMAC of `t.body` with its secret and compare. */
function verifies(header: string | undefined, body: string, secret: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${body}`).digest('hex');
  return expected === match[2] && Math.abs(Date.now() / 1000 - Number(match[1])) < 300;
}

let t: TestApp;
let admin: string;
let store: string;
let pos: string;
let worker: WebhookDeliveryService;

beforeAll(async () => {
  // No background rounds: each test runs the worker itself.
  t = await createTestApp({ OUTBOX_POLL_MS: '600000' });
  admin = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'admin')).id);
  store = await createStore(t.dataSource);
  pos = await createPosKey(t.dataSource, store);
  worker = t.app.get(WebhookDeliveryService);
  await request(t.server())
    .put('/api/v1/programme')
    .set('authorization', admin)
    .send({ ...DEFAULT_PROGRAMME, pendingDays: 0 })
    .expect(200);
});
afterAll(async () => {
  await setProgramme(t, DEFAULT_PROGRAMME);
  await t.close();
});

const api = () => request(t.server());
const createEndpoint = async (url: string, events: string[]) =>
  (await api().post('/api/v1/admin/webhooks').set('authorization', admin).send({ url, events }).expect(201))
    .body as { id: string; secret: string };
const removeEndpoint = (id: string) =>
  api().delete(`/api/v1/admin/webhooks/${id}`).set('authorization', admin).expect(204);
const earn = (memberId: string, pence = 2500, receiptId = `R-${randomUUID().slice(0, 8)}`) =>
  api()
    .post('/api/v1/checkout/earn')
    .set('authorization', pos)
    .set('idempotency-key', randomUUID())
    .send({
      member: { memberId },
      receipt: { id: receiptId, currency: 'GBP', lines: [{ sku: 'a', quantity: 1, unitPrice: pence }] },
    })
    .expect(201);
const deliveries = async (endpointId: string) =>
  (await api().get(`/api/v1/admin/webhooks/${endpointId}/deliveries`).set('authorization', admin).expect(200))
    .body.items as { id: string; status: string; event: string; attempts: number }[];
const detail = async (endpointId: string, id: string) =>
  (
    await api()
      .get(`/api/v1/admin/webhooks/${endpointId}/deliveries/${id}`)
      .set('authorization', admin)
      .expect(200)
  ).body;
/** Moves a waiting retry's time to now, instead of sleeping through the backoff. */
const dueNow = (id: string) =>
  t.dataSource.query(`UPDATE outbox_message SET next_attempt_at = now() WHERE id = $1`, [id]);
const secondsUntilRetry = async (id: string) =>
  Number(
    (
      await t.dataSource.query<[{ s: string }]>(
        `SELECT extract(epoch FROM next_attempt_at - now())::text AS s FROM outbox_message WHERE id = $1`,
        [id],
      )
    )[0].s,
  );

describe('webhooks: endpoints', () => {
  it('refuses non-admins: marketing and managers get 403', async () => {
    for (const role of ['marketing', 'manager', 'cashier'] as const) {
      const auth = await bearerFor(t, 'staff', (await createStaff(t.dataSource, role, [store])).id);
      await api().get('/api/v1/admin/webhooks').set('authorization', auth).expect(403);
      await api()
        .post('/api/v1/admin/webhooks')
        .set('authorization', auth)
        .send({ url: 'https://example.com/hook', events: ['points.earned'] })
        .expect(403);
    }
  });

  it('shows the secret once, validates URL and events, and audits create, update, rotate and delete', async () => {
    const bad = await api()
      .post('/api/v1/admin/webhooks')
      .set('authorization', admin)
      .send({ url: 'http://example.com/hook', events: ['points.earned', 'points.stolen'] })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['events.1']);
    const plainHttp = await api()
      .post('/api/v1/admin/webhooks')
      .set('authorization', admin)
      .send({ url: 'http://example.com/hook', events: ['points.earned'] })
      .expect(400);
    expect(plainHttp.body.errors).toEqual([{ field: 'url', message: expect.stringContaining('https') }]);

    const created = await api()
      .post('/api/v1/admin/webhooks')
      .set('authorization', admin)
      .send({
        url: 'https://example.com/hook',
        events: ['tier.changed', 'idea.status_changed'],
        enabled: false,
      })
      .expect(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created.body.secretHint).toBe(created.body.secret.slice(-4));
    const id = created.body.id as string;
    const listed = await api().get('/api/v1/admin/webhooks').set('authorization', admin).expect(200);
    const mine = listed.body.find((e: { id: string }) => e.id === id);
    expect(mine).toMatchObject({ events: ['idea.status_changed', 'tier.changed'], enabled: false });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    const stored = await t.dataSource.query<[{ secret: string }]>(
      `SELECT secret FROM webhook_endpoint WHERE id = $1`,
      [id],
    );
    expect(stored[0].secret).toBe(`plain:${created.body.secret}`);

    await api()
      .patch(`/api/v1/admin/webhooks/${id}`)
      .set('authorization', admin)
      .send({ events: ['points.expired'], enabled: true })
      .expect(200);
    const rotated = await api()
      .post(`/api/v1/admin/webhooks/${id}/rotate-secret`)
      .set('authorization', admin)
      .expect(201);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    await removeEndpoint(id);
    await api().get(`/api/v1/admin/webhooks/${id}`).set('authorization', admin).expect(404);

    const audit = await t.dataSource.query<{ action: string; summary: Record<string, unknown> }[]>(
      `SELECT action, summary FROM audit_log WHERE target_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'webhook.created',
      'webhook.updated',
      'webhook.secret_rotated',
      'webhook.deleted',
    ]);
    expect(audit[1]!.summary).toEqual({
      events: { from: ['idea.status_changed', 'tier.changed'], to: ['points.expired'] },
      enabled: { from: false, to: true },
    });
    expect(JSON.stringify(audit)).not.toContain('whsec_');
  });
});

describe('webhooks: delivery', () => {
  it('writes no outbox rows for an event no endpoint subscribes to', async () => {
    const receiver = await startReceiver();
    const other = await createEndpoint(receiver.url, ['points.expired']);
    try {
      expect(t.app.get(WebhookEventsService).isSubscribed('points.earned')).toBe(false);
      const count = async () =>
        Number(
          (
            await t.dataSource.query<[{ n: string }]>(
              `SELECT count(*)::text AS n FROM outbox_message WHERE channel = 'webhook'`,
            )
          )[0].n,
        );
      const before = await count();
      await earn((await createMember(t.dataSource)).id);
      expect(await count()).toBe(before);
    } finally {
      await removeEndpoint(other.id);
      await receiver.close();
    }
  });

  it('delivers a signed event the receiver can verify, with event and delivery headers, and logs the answer', async () => {
    const receiver = await startReceiver();
    const endpoint = await createEndpoint(receiver.url, ['points.earned']);
    try {
      const member = await createMember(t.dataSource);
      const earned = await earn(member.id, 2500, 'R-SIGNED-1');
      expect(await worker.deliverDue()).toBeGreaterThanOrEqual(1);
      const got = receiver.received.find((r) => r.body.includes(earned.body.journalId))!;
      expect(got).toBeDefined();
      expect(verifies(got.headers['tally-signature'] as string, got.body, endpoint.secret)).toBe(true);
      expect(verifies(got.headers['tally-signature'] as string, got.body, 'whsec_wrong')).toBe(false);
      expect(got.headers['tally-event']).toBe('points.earned');
      expect(got.headers['content-type']).toBe('application/json');
      const payload = JSON.parse(got.body) as WebhookPayload;
      expect(payload).toEqual({
        id: expect.any(String),
        type: 'points.earned',
        occurredAt: expect.any(String),
        data: {
          memberId: member.id,
          points: 25,
          journalId: earned.body.journalId,
          storeId: store,
          externalRef: 'R-SIGNED-1',
        },
      });
      expect(got.body).not.toContain(member.email);

      const [delivery] = await deliveries(endpoint.id);
      expect(got.headers['tally-delivery']).toBe(delivery!.id);
      expect(delivery).toMatchObject({ status: 'delivered', event: 'points.earned', attempts: 1 });
      const log = (await detail(endpoint.id, delivery!.id)).log;
      expect(log).toEqual([
        expect.objectContaining({ attempt: 1, statusCode: 200, responseExcerpt: 'ok thanks', error: null }),
      ]);
    } finally {
      await removeEndpoint(endpoint.id);
      await receiver.close();
    }
  });

  it('retries a failing receiver with exponential backoff until it answers 2xx', async () => {
    const receiver = await startReceiver([500, 502]);
    const endpoint = await createEndpoint(receiver.url, ['points.earned']);
    try {
      await earn((await createMember(t.dataSource)).id);
      await worker.deliverDue();
      const [delivery] = await deliveries(endpoint.id);
      expect(delivery).toMatchObject({ status: 'pending', attempts: 1 });
      expect(await secondsUntilRetry(delivery!.id)).toBeGreaterThan(webhookRetryDelay(1) - 5);
      expect(await secondsUntilRetry(delivery!.id)).toBeLessThanOrEqual(webhookRetryDelay(1));
      await worker.deliverDue();
      expect(receiver.received).toHaveLength(1); // not due yet

      await dueNow(delivery!.id);
      await worker.deliverDue();
      expect(await secondsUntilRetry(delivery!.id)).toBeGreaterThan(webhookRetryDelay(2) - 5);
      expect(webhookRetryDelay(2)).toBe(2 * webhookRetryDelay(1));

      await dueNow(delivery!.id);
      await worker.deliverDue();
      const final = await detail(endpoint.id, delivery!.id);
      expect(final).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });
      expect(
        final.log.map((a: { statusCode: number; error: string | null }) => [a.statusCode, a.error]),
      ).toEqual([
        [500, 'HTTP 500'],
        [502, 'HTTP 502'],
        [200, null],
      ]);
      expect(final.log[0].responseExcerpt).toBe('nope 500');
      expect(new Set(receiver.received.map((r) => r.headers['tally-delivery']))).toEqual(
        new Set([delivery!.id]),
      );
    } finally {
      await removeEndpoint(endpoint.id);
      await receiver.close();
    }
  });

  it('gives up after the maximum attempts (dead), logs each, and an admin can re-send it', async () => {
    const receiver = await startReceiver(Array<number>(WEBHOOK_MAX_ATTEMPTS).fill(503));
    const endpoint = await createEndpoint(receiver.url, ['points.earned']);
    try {
      await earn((await createMember(t.dataSource)).id);
      for (let i = 0; i < WEBHOOK_MAX_ATTEMPTS; i += 1) {
        const [pending] = await deliveries(endpoint.id);
        await dueNow(pending!.id);
        await worker.deliverDue();
      }
      const [dead] = await deliveries(endpoint.id);
      expect(dead).toMatchObject({ status: 'dead', attempts: WEBHOOK_MAX_ATTEMPTS, lastError: 'HTTP 503' });
      expect((await detail(endpoint.id, dead!.id)).log).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
      await worker.deliverDue();
      expect(receiver.received).toHaveLength(WEBHOOK_MAX_ATTEMPTS);

      const marketing = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'marketing')).id);
      await api()
        .post(`/api/v1/admin/webhooks/${endpoint.id}/deliveries/${dead!.id}/resend`)
        .set('authorization', marketing)
        .expect(403);
      const resent = await api()
        .post(`/api/v1/admin/webhooks/${endpoint.id}/deliveries/${dead!.id}/resend`)
        .set('authorization', admin)
        .expect(201);
      expect(resent.body.status).toBe('pending');
      await worker.deliverDue();
      expect((await detail(endpoint.id, dead!.id)).status).toBe('delivered');
      await api()
        .post(`/api/v1/admin/webhooks/${endpoint.id}/deliveries/${dead!.id}/resend`)
        .set('authorization', admin)
        .expect(409);
    } finally {
      await removeEndpoint(endpoint.id);
      await receiver.close();
    }
  });

  it('emits redeemed, reversed (refund), tier changed and expired events with their figures', async () => {
    const receiver = await startReceiver();
    const endpoint = await createEndpoint(receiver.url, [
      'points.redeemed',
      'points.reversed',
      'points.expired',
      'tier.changed',
    ]);
    try {
      const member = await createMember(t.dataSource);
      await earn(member.id, 10_000, 'R-EVENTS-1');
      const redeemed = await api()
        .post('/api/v1/checkout/redeem')
        .set('authorization', pos)
        .set('idempotency-key', randomUUID())
        .send({ member: { memberId: member.id }, points: 30, receiptId: 'R-EVENTS-2' })
        .expect(201);
      const refunded = await api()
        .post('/api/v1/checkout/refund')
        .set('authorization', pos)
        .set('idempotency-key', randomUUID())
        .send({ receiptId: 'R-EVENTS-1' })
        .expect(201);
      const ledger = t.app.get(LedgerService);
      const expiring = await createMember(t.dataSource);
      await ledger.earn({
        ...systemContext(`webhook-test:${expiring.id}`),
        memberId: expiring.id,
        points: 40,
        expiresAt: new Date(Date.now() + 50),
      });
      await new Promise((r) => setTimeout(r, 100));
      await ledger.expireDue(new Date());
      await worker.deliverDue();

      const events = receiver.received
        .map((r) => JSON.parse(r.body) as WebhookPayload)
        .filter((p) => p.data.memberId === member.id || p.data.memberId === expiring.id);
      const byType = Object.fromEntries(events.map((e) => [e.type, e.data]));
      expect(Object.keys(byType).sort()).toEqual([
        'points.expired',
        'points.redeemed',
        'points.reversed',
        'tier.changed',
      ]);
      expect(byType['points.redeemed']).toEqual({
        memberId: member.id,
        points: 30,
        journalId: redeemed.body.journalId,
        storeId: store,
        externalRef: 'R-EVENTS-2',
      });
      expect(byType['points.reversed']).toMatchObject({
        memberId: member.id,
        points: 100,
        journalId: refunded.body.journalId,
        externalRef: 'R-EVENTS-1',
      });
      expect(byType['points.expired']).toMatchObject({ memberId: expiring.id, points: 40 });
      expect(byType['tier.changed']).toMatchObject({
        memberId: member.id,
        tier: { from: null, to: expect.any(String) },
      });
      expect(
        events.every((e) =>
          verifies(
            receiver.received.find((r) => r.body.includes(e.id))!.headers['tally-signature'] as string,
            receiver.received.find((r) => r.body.includes(e.id))!.body,
            endpoint.secret,
          ),
        ),
      ).toBe(true);
    } finally {
      await removeEndpoint(endpoint.id);
      await receiver.close();
    }
  });
});
