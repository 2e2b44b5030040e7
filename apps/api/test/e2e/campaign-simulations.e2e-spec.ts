import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { SimulationsService } from '../../src/modules/campaigns/simulations.service.js';
import {
  bearerFor,
  createMember,
  createPosKey,
  createStaff,
  createStore,
  createTestApp,
  type TestApp,
} from '../factories/app.factory.js';
import { campaignDefinition, HOUR, iso } from '../factories/campaign.factory.js';

let t: TestApp;
let pos: string;
let marketing: string;
let marketingId: string;
let manager: string;
let cashier: string;

/** A draft for later: the simulation replaces its dates with the period simulated. */
const definition = (overrides: Record<string, unknown> = {}) =>
  campaignDefinition({ window: { startsAt: iso(24 * HOUR), endsAt: iso(48 * HOUR) }, ...overrides });

async function draft(def: object): Promise<string> {
  const res = await request(t.server()).post('/api/v1/campaigns').set('authorization', marketing).send(def);
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** A sale through the till's earn endpoint (the POS key), `pounds` of one category; returns its receipt id. */
async function sell(memberId: string, category: string, pounds: number): Promise<string> {
  const ref = `S-${randomUUID().slice(0, 8)}`;
  await request(t.server())
    .post('/api/v1/checkout/earn')
    .set('authorization', pos)
    .set('idempotency-key', randomUUID())
    .send({
      member: { memberId },
      receipt: {
        id: ref,
        currency: 'GBP',
        lines: [{ sku: 'latte', category, quantity: 1, unitPrice: pounds * 100 }],
      },
    })
    .expect(201);
  return ref;
}

/** When the till recorded a receipt: the simulation reads receipts in this order. */
async function recordedAt(ref: string): Promise<string> {
  const [row] = await t.dataSource.query<[{ at: Date }]>(
    `SELECT created_at AS at FROM receipt WHERE receipt_ref = $1`,
    [ref],
  );
  return new Date(row.at).toISOString();
}

const simulate = (campaignId: string, body: object, auth = marketing) =>
  request(t.server())
    .post(`/api/v1/campaigns/${campaignId}/simulations`)
    .set('authorization', auth)
    .send(body);

const fetchSimulation = async (campaignId: string, id: string) =>
  (
    await request(t.server())
      .get(`/api/v1/campaigns/${campaignId}/simulations/${id}`)
      .set('authorization', marketing)
      .expect(200)
  ).body;

/** Runs the job until it finds nothing more to do. */
async function runJob(options: { batchSize?: number } = {}): Promise<void> {
  const simulations = t.app.get(SimulationsService);
  while ((await simulations.runDue(new Date(), options)).batches > 0);
}

const simulationCount = async () =>
  Number((await t.dataSource.query<[{ n: string }]>('SELECT count(*) AS n FROM campaign_simulation'))[0].n);

beforeAll(async () => {
  t = await createTestApp();
  const store = await createStore(t.dataSource);
  pos = await createPosKey(t.dataSource, store);
  const staff = await createStaff(t.dataSource, 'marketing');
  marketingId = staff.id;
  marketing = await bearerFor(t, 'staff', staff.id);
  manager = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'manager', [store])).id);
  cashier = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'cashier', [store])).id);
});
afterAll(async () => {
  await t.close();
});

describe('campaign simulations', () => {
  it('simulates a draft on the period’s till receipts in the background: points, members, receipts and cost at the point value', async () => {
    const from = iso(-1000);
    const def = definition();
    const [category] = def.basket.categories as [string];
    const id = await draft(def);
    const [ann, bob] = [await createMember(t.dataSource), await createMember(t.dataSource)];
    await sell(ann.id, category, 500);
    await sell(bob.id, category, 300);
    await sell(ann.id, category, 200);
    await sell(bob.id, 'bread', 400);

    const started = await simulate(id, { from, to: iso(0) });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({
      campaignId: id,
      campaignVersion: 1,
      status: 'queued',
      progress: { processed: 0, total: null },
      results: { pointsIssued: 0, membersReached: 0, receiptsMatched: 0, cost: 0, currency: 'GBP' },
      requestedBy: { id: marketingId, name: 'Test marketing' },
      startedAt: null,
      finishedAt: null,
    });

    await runJob();

    const done = await fetchSimulation(id, started.body.id);
    // 2× on £500 + £300 + £200 of the category: 1,000 extra points; at 10 milli-pence a point, 10p.
    expect(done).toMatchObject({
      status: 'done',
      results: {
        pointsIssued: 1_000,
        membersReached: 2,
        receiptsMatched: 3,
        cost: 10,
        currency: 'GBP',
        budgetPoints: null,
        budgetRemaining: null,
        budgetExhaustedAt: null,
      },
      error: null,
    });
    expect(done.progress.processed).toBe(done.progress.total);
    expect(done.progress.total).toBeGreaterThanOrEqual(4);
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();

    // Nothing was issued: a simulation only reads.
    const campaign = await request(t.server()).get(`/api/v1/campaigns/${id}`).set('authorization', marketing);
    expect(campaign.body).toMatchObject({ status: 'draft', issuedPoints: 0 });
    const audit = await t.dataSource.query<{ action: string; summary: { simulationId: string } }[]>(
      `SELECT action, summary FROM audit_log WHERE target_id = $1 AND action LIKE 'campaign.simulation%'`,
      [id],
    );
    expect(audit).toEqual([
      {
        action: 'campaign.simulation_started',
        summary: expect.objectContaining({ simulationId: started.body.id }),
      },
    ]);
  });

  it('applies the budget and the per-member allowance in receipt order and says at which sale the budget ran out', async () => {
    const from = iso(-1000);
    const def = definition({ limits: { budgetPoints: 250, perMember: { points: 150, period: 'campaign' } } });
    const [category] = def.basket.categories as [string];
    const id = await draft(def);
    const [ann, bob, cat] = [
      await createMember(t.dataSource),
      await createMember(t.dataSource),
      await createMember(t.dataSource),
    ];
    await sell(ann.id, category, 100); // 100
    await sell(ann.id, category, 100); // 50: ann's allowance is spent
    const last = await sell(bob.id, category, 100); // 100: the budget is spent
    await sell(cat.id, category, 100); // nothing left

    const started = await simulate(id, { from, to: iso(0) }).expect(202);
    await runJob();

    expect(await fetchSimulation(id, started.body.id)).toMatchObject({
      status: 'done',
      results: {
        pointsIssued: 250,
        membersReached: 2,
        receiptsMatched: 3,
        budgetPoints: 250,
        budgetRemaining: 0,
        budgetExhaustedAt: await recordedAt(last),
      },
    });
  });

  it('gives the figures the till itself issued when run over a live campaign’s own sales', async () => {
    const from = iso(-1000);
    const def = definition({
      window: { startsAt: iso(-HOUR), endsAt: iso(24 * HOUR) },
      limits: { budgetPoints: 260, perMember: { points: 120, period: 'campaign' } },
    });
    const [category] = def.basket.categories as [string];
    const id = await draft(def);
    await request(t.server())
      .post(`/api/v1/campaigns/${id}/schedule`)
      .set('authorization', marketing)
      .send({})
      .expect(200);
    const members = [
      await createMember(t.dataSource),
      await createMember(t.dataSource),
      await createMember(t.dataSource),
    ];
    for (const [member, pounds] of [
      [members[0]!, 70],
      [members[1]!, 30],
      [members[0]!, 90],
      [members[2]!, 80],
      [members[1]!, 100],
    ] as const)
      await sell(member.id, category, pounds);

    const started = await simulate(id, { from, to: iso(0) }).expect(202);
    await runJob();

    const stats = (
      await request(t.server()).get(`/api/v1/campaigns/${id}/stats`).set('authorization', marketing)
    ).body;
    const simulated = await fetchSimulation(id, started.body.id);
    // The till: 70, 30, 50 (member 0's allowance of 120), 80, 30 (the budget's last): 260 points.
    expect(stats).toMatchObject({ issuedPoints: 260, participatingMembers: 3, receipts: 5 });
    expect(simulated.results).toMatchObject({
      pointsIssued: stats.issuedPoints,
      membersReached: stats.participatingMembers,
      receiptsMatched: stats.receipts,
      cost: stats.cost,
    });
  });

  it('prices each sale with the tier the member had then, not the one they have now', async () => {
    const from = iso(-1000);
    const def = definition({ audience: { tierIds: ['silver'] } });
    const [category] = def.basket.categories as [string];
    const id = await draft(def);
    const ann = await createMember(t.dataSource);
    // £1,000 earns the 1,000 points that make Ann silver, but the till priced this sale before that.
    await sell(ann.id, category, 1_000);
    await sell(ann.id, category, 10);
    const [tier] = await t.dataSource.query<[{ tier_id: string }]>(
      `SELECT tier_id FROM member WHERE id = $1`,
      [ann.id],
    );
    expect(tier.tier_id).toBe('silver');

    const started = await simulate(id, { from, to: iso(0) }).expect(202);
    await runJob();

    expect((await fetchSimulation(id, started.body.id)).results).toMatchObject({
      pointsIssued: 10,
      receiptsMatched: 1,
      membersReached: 1,
    });
  });

  it('moves its progress batch by batch, and a cancel stops it before the next batch, for good', async () => {
    const def = definition();
    const [category] = def.basket.categories as [string];
    const id = await draft(def);
    const ann = await createMember(t.dataSource);
    const first = await sell(ann.id, category, 10);
    for (let i = 0; i < 4; i += 1) await sell(ann.id, category, 10);
    const from = await recordedAt(first);
    const simulations = t.app.get(SimulationsService);

    const started = await simulate(id, { from, to: iso(0) }).expect(202);
    await simulations.runDue(new Date(), { batchSize: 2, maxBatches: 1 });
    expect(await fetchSimulation(id, started.body.id)).toMatchObject({
      status: 'running',
      progress: { processed: 2, total: 5 },
      results: { pointsIssued: 20, receiptsMatched: 2 },
    });
    await simulations.runDue(new Date(), { batchSize: 2, maxBatches: 1 });
    expect((await fetchSimulation(id, started.body.id)).progress).toEqual({ processed: 4, total: 5 });

    const cancelled = await request(t.server())
      .post(`/api/v1/campaigns/${id}/simulations/${started.body.id}/cancel`)
      .set('authorization', marketing)
      .send({})
      .expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', progress: { processed: 4, total: 5 } });
    expect(await simulations.runDue(new Date(), { batchSize: 2 })).toMatchObject({ batches: 0 });
    expect(await fetchSimulation(id, started.body.id)).toMatchObject({
      status: 'cancelled',
      progress: { processed: 4, total: 5 },
      results: { pointsIssued: 40 },
    });
    const again = await request(t.server())
      .post(`/api/v1/campaigns/${id}/simulations/${started.body.id}/cancel`)
      .set('authorization', marketing)
      .send({})
      .expect(409);
    expect(again.body.code).toBe('CAMPAIGN_SIMULATION_FINISHED');
    const [audited] = await t.dataSource.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM audit_log WHERE target_id = $1 AND action = 'campaign.simulation_cancelled'`,
      [id],
    );
    expect(audited.n).toBe(1);
  });

  it('counts every batch once with two workers taking batches at the same time, to the same figures as one go', async () => {
    const def = definition({ limits: { budgetPoints: null, perMember: { points: 25, period: 'campaign' } } });
    const [category] = def.basket.categories as [string];
    const id = await draft(def);
    const [ann, bob] = [await createMember(t.dataSource), await createMember(t.dataSource)];
    const first = await sell(ann.id, category, 10);
    for (const member of [bob, ann, bob, ann, bob, ann]) await sell(member.id, category, 10);
    const period = { from: await recordedAt(first), to: iso(0) };

    const small = await simulate(id, period).expect(202);
    const simulations = t.app.get(SimulationsService);
    const worker = async () => {
      while ((await simulations.runDue(new Date(), { batchSize: 2, maxBatches: 1 })).batches > 0);
    };
    await Promise.all([worker(), worker()]);
    const whole = await simulate(id, period).expect(202);
    await runJob();

    const [inBatches, inOne] = [
      await fetchSimulation(id, small.body.id),
      await fetchSimulation(id, whole.body.id),
    ];
    // Ann: 10, 10, 5 (25 each at most); Bob: 10, 10, 5.
    expect(inBatches).toMatchObject({
      status: 'done',
      progress: { processed: 7, total: 7 },
      results: { pointsIssued: 50, receiptsMatched: 6, membersReached: 2 },
    });
    expect(inBatches.results).toEqual(inOne.results);
    const [scratch] = await t.dataSource.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM campaign_simulation_member WHERE simulation_id = ANY($1::uuid[])`,
      [[small.body.id, whole.body.id]],
    );
    expect(scratch.n).toBe(0);
  });

  it('lists a campaign’s simulations newest first, a page at a time', async () => {
    const id = await draft(definition());
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1)
      ids.push((await simulate(id, { from: iso(-HOUR), to: iso(0) }).expect(202)).body.id);
    await runJob();

    const page1 = await request(t.server())
      .get(`/api/v1/campaigns/${id}/simulations?limit=2`)
      .set('authorization', manager)
      .expect(200);
    expect(page1.body.items.map((s: { id: string }) => s.id)).toEqual([ids[2], ids[1]]);
    const page2 = await request(t.server())
      .get(`/api/v1/campaigns/${id}/simulations?limit=2&cursor=${page1.body.nextCursor}`)
      .set('authorization', manager)
      .expect(200);
    expect(page2.body).toEqual({
      items: [expect.objectContaining({ id: ids[0], status: 'done' })],
      nextCursor: null,
    });
  });

  it.each<[string, object, string]>([
    ['no period', {}, 'from'],
    ['a start in the future', { from: iso(HOUR), to: iso(2 * HOUR) }, 'from'],
    ['an end in the future', { from: iso(-HOUR), to: iso(HOUR) }, 'to'],
    ['an end before the start', { from: iso(-HOUR), to: iso(-2 * HOUR) }, 'to'],
    ['more than 366 days', { from: iso(-400 * 24 * HOUR), to: iso(-HOUR) }, 'to'],
    ['a date that is not one', { from: 'last month', to: iso(-HOUR) }, 'from'],
    ['an unknown field', { from: iso(-2 * HOUR), to: iso(-HOUR), speed: 'fast' }, ''],
  ])('refuses %s with a 400 naming the field, and starts nothing', async (_case, body, field) => {
    const id = await draft(definition());
    const before = await simulationCount();
    const res = await simulate(id, body).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('VALIDATION_FAILED');
    if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await simulationCount()).toBe(before);
  });

  it('answers 404 for an unknown campaign or simulation, and names a malformed simulation id', async () => {
    const period = { from: iso(-HOUR), to: iso(0) };
    expect((await simulate(randomUUID(), period).expect(404)).body.code).toBe('CAMPAIGN_NOT_FOUND');
    const id = await draft(definition());
    const missing = await request(t.server())
      .get(`/api/v1/campaigns/${id}/simulations/${randomUUID()}`)
      .set('authorization', marketing)
      .expect(404);
    expect(missing.body.code).toBe('CAMPAIGN_SIMULATION_NOT_FOUND');
    const malformed = await request(t.server())
      .post(`/api/v1/campaigns/${id}/simulations/not-an-id/cancel`)
      .set('authorization', marketing)
      .send({})
      .expect(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(['simulationId']);
  });

  it('lets staff who read campaigns see simulations, only campaign managers start or cancel them, and a cashier neither', async () => {
    const id = await draft(definition());
    const period = { from: iso(-HOUR), to: iso(0) };
    const started = await simulate(id, period).expect(202);
    const path = `/api/v1/campaigns/${id}/simulations`;

    expect((await simulate(id, period, cashier).expect(403)).body.code).toBe('FORBIDDEN');
    await request(t.server()).get(path).set('authorization', cashier).expect(403);
    await request(t.server()).get(`${path}/${started.body.id}`).set('authorization', cashier).expect(403);
    await request(t.server()).get(`${path}/${started.body.id}`).set('authorization', manager).expect(200);
    await simulate(id, period, manager).expect(403);
    await request(t.server())
      .post(`${path}/${started.body.id}/cancel`)
      .set('authorization', manager)
      .send({})
      .expect(403);
    await request(t.server())
      .post(`${path}/${started.body.id}/cancel`)
      .set('authorization', marketing)
      .send({})
      .expect(200);
  });
});
