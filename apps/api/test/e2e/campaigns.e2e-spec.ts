import { randomUUID } from 'node:crypto';
import { DEFAULT_PROGRAMME } from '@tally/domain';
import request from 'supertest';
import { CampaignsService } from '../../src/modules/campaigns/campaigns.service.js';
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
import { campaignDefinition, HOUR, iso } from '../factories/campaign.factory.js';

let t: TestApp;
let pos: string;
let marketing: string;
let marketingId: string;
let admin: string;
let cashier: string;

/** Each campaign here matches only its own category, so it never touches other tests' receipts. */
const definition = campaignDefinition;

const receipt = (category: string, unitPrice = 1000) => ({
  id: `R-${randomUUID().slice(0, 8)}`,
  currency: 'GBP',
  lines: [{ sku: 'latte', category, quantity: 1, unitPrice }],
});

const earn = (memberId: string, body: object) =>
  request(t.server())
    .post('/api/v1/checkout/earn')
    .set('authorization', pos)
    .set('idempotency-key', randomUUID())
    .send({ member: { memberId }, ...body });

async function launch(def: object): Promise<string> {
  const created = await request(t.server())
    .post('/api/v1/campaigns')
    .set('authorization', marketing)
    .send(def)
    .expect(201);
  await request(t.server())
    .post(`/api/v1/campaigns/${created.body.id}/schedule`)
    .set('authorization', marketing)
    .send({})
    .expect(200);
  return created.body.id as string;
}

const versionsOf = (id: string) =>
  request(t.server()).get(`/api/v1/campaigns/${id}/versions`).set('authorization', marketing).expect(200);

const campaignCount = async () =>
  Number((await t.dataSource.query<[{ n: string }]>('SELECT count(*) AS n FROM campaign'))[0].n);

beforeAll(async () => {
  t = await createTestApp();
  const store = await createStore(t.dataSource);
  pos = await createPosKey(t.dataSource, store);
  marketingId = (await createStaff(t.dataSource, 'marketing')).id;
  marketing = await bearerFor(t, 'staff', marketingId);
  admin = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'admin')).id);
  cashier = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'cashier', [store])).id);
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

describe('campaigns: drafting and lifecycle', () => {
  it('drafts a campaign as version 1 and names the staff member who created it', async () => {
    const res = await request(t.server())
      .post('/api/v1/campaigns')
      .set('authorization', marketing)
      .send(definition())
      .expect(201);
    expect(res.body).toMatchObject({ status: 'draft', version: 1, issuedPoints: 0, budgetRemaining: null });
    const history = await versionsOf(res.body.id);
    expect(history.body).toEqual([
      expect.objectContaining({
        version: 1,
        change: 'created',
        status: 'draft',
        changedBy: marketingId,
        changedByName: 'Test marketing',
      }),
    ]);
  });

  it('answers a history entry whose editor is no staff member with the id and no name', async () => {
    const res = await request(t.server())
      .post('/api/v1/campaigns')
      .set('authorization', marketing)
      .send(definition())
      .expect(201);
    // changed_by is free text (no foreign key): an id that names no one, or no id at all, must not break the list.
    for (const changedBy of [randomUUID(), 'legacy-import'])
      await t.dataSource.query(
        `INSERT INTO campaign_version (campaign_id, version, change, status, definition, changed_by)
         SELECT id, version, 'edited', status, definition, $2 FROM campaign WHERE id = $1`,
        [res.body.id, changedBy],
      );
    const history = await versionsOf(res.body.id);
    expect(
      history.body.map((v: { changedBy: string; changedByName: string | null }) => v.changedByName),
    ).toEqual([null, null, 'Test marketing']);
    expect(history.body[0].changedBy).toBe('legacy-import');
  });

  it.each([
    [{ name: 'x' }, 'name'],
    [{ window: { startsAt: iso(HOUR), endsAt: iso(-HOUR) } }, 'window.endsAt'],
    [{ window: { startsAt: iso(0), endsAt: null, hours: { from: 18, to: 9 } } }, 'window.hours.to'],
    [{ effect: { type: 'multiplier', multiplierBp: 5_000 } }, 'effect.multiplierBp'],
    [{ limits: { budgetPoints: -5 } }, 'limits.budgetPoints'],
    [{ audience: { segments: ['vip'] } }, 'audience.segments.0'],
    [{ audience: { segments: [randomUUID()] } }, 'audience.segments.0'],
    [{ surprise: true }, ''],
  ])('refuses %j naming %s and writes nothing', async (overrides, field) => {
    const before = await campaignCount();
    const res = await request(t.server())
      .post('/api/v1/campaigns')
      .set('authorization', marketing)
      .send(definition(overrides))
      .expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await campaignCount()).toBe(before);
  });

  it('schedules, starts on its date through the job, pauses, resumes and ends, each change in the history', async () => {
    const created = await request(t.server())
      .post('/api/v1/campaigns')
      .set('authorization', marketing)
      .send(definition({ window: { startsAt: iso(2 * HOUR), endsAt: iso(5 * HOUR) } }))
      .expect(201);
    const id = created.body.id as string;
    const act = (action: string, status = 200) =>
      request(t.server())
        .post(`/api/v1/campaigns/${id}/${action}`)
        .set('authorization', marketing)
        .send({ reason: `${action} for the test` })
        .expect(status);

    expect((await act('schedule')).body.status).toBe('scheduled');
    expect((await act('pause', 409)).body.code).toBe('CAMPAIGN_TRANSITION_REFUSED');

    const lifecycle = t.app.get(CampaignsService);
    await lifecycle.runLifecycle(new Date(Date.now() + 3 * HOUR));
    expect(
      (await request(t.server()).get(`/api/v1/campaigns/${id}`).set('authorization', marketing)).body.status,
    ).toBe('live');
    expect((await act('pause')).body.status).toBe('paused');
    expect((await act('resume')).body.status).toBe('live');
    const ended = await lifecycle.runLifecycle(new Date(Date.now() + 6 * HOUR));
    expect(ended.ended).toBeGreaterThanOrEqual(1);
    expect((await act('resume', 409)).body.code).toBe('CAMPAIGN_TRANSITION_REFUSED');

    const history = await versionsOf(id);
    expect(history.body.map((v: { change: string; status: string }) => `${v.change}:${v.status}`)).toEqual([
      'ended on schedule:ended',
      'resume:live',
      'pause:paused',
      'started:live',
      'schedule:scheduled',
      'created:draft',
    ]);
    // The schedule's own changes carry no staff member; the console labels them as automatic.
    expect(history.body.map((v: { changedByName: string | null }) => v.changedByName)).toEqual([
      null,
      'Test marketing',
      'Test marketing',
      null,
      'Test marketing',
      'Test marketing',
    ]);
    const audit = await t.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'campaign.created',
      'campaign.scheduled',
      'campaign.live',
      'campaign.paused',
      'campaign.live',
      'campaign.ended',
    ]);
  });

  it('saves each edit as a new version and refuses an edit based on an older one', async () => {
    const def = definition();
    const created = await request(t.server())
      .post('/api/v1/campaigns')
      .set('authorization', marketing)
      .send(def)
      .expect(201);
    const id = created.body.id as string;
    const saved = await request(t.server())
      .put(`/api/v1/campaigns/${id}`)
      .set('authorization', marketing)
      .send({ version: 1, definition: { ...def, name: 'Triple coffee points' } })
      .expect(200);
    expect(saved.body).toMatchObject({ version: 2, definition: { name: 'Triple coffee points' } });
    const stale = await request(t.server())
      .put(`/api/v1/campaigns/${id}`)
      .set('authorization', marketing)
      .send({ version: 1, definition: { ...def, name: 'Lost update' } })
      .expect(409);
    expect(stale.body.code).toBe('CAMPAIGN_VERSION_CONFLICT');
    expect(
      (await request(t.server()).get(`/api/v1/campaigns/${id}`).set('authorization', marketing)).body
        .definition.name,
    ).toBe('Triple coffee points');
  });

  it('lets a cashier neither read nor draft campaigns', async () => {
    await request(t.server()).get('/api/v1/campaigns').set('authorization', cashier).expect(403);
    await request(t.server())
      .post('/api/v1/campaigns')
      .set('authorization', cashier)
      .send(definition())
      .expect(403);
  });
});

describe('campaigns at the till', () => {
  it('adds the campaign’s points to a matching sale, names it on the receipt and the statement, and counts it', async () => {
    const def = definition();
    const id = await launch(def);
    const category = def.basket.categories[0]!;
    const member = await createMember(t.dataSource);
    const res = await earn(member.id, { receipt: receipt(category, 1000) }).expect(201);
    expect(res.body.points).toBe(20);
    expect(res.body.lines).toContainEqual(
      expect.objectContaining({ source: 'campaign', campaignId: id, points: 10 }),
    );
    const other = await earn(member.id, { receipt: receipt('tea', 1000) }).expect(201);
    expect(other.body.points).toBe(10);

    const bearer = await bearerFor(t, 'member', member.id);
    const statement = await request(t.server())
      .get('/api/v1/me/statement')
      .set('authorization', bearer)
      .expect(200);
    const line = statement.body.items.find((l: { journalId: string }) => l.journalId === res.body.journalId);
    expect(line.reason.campaigns).toEqual(['Double coffee points: 2× points']);

    const stats = await request(t.server())
      .get(`/api/v1/campaigns/${id}/stats`)
      .set('authorization', marketing)
      .expect(200);
    expect(stats.body).toMatchObject({
      issuedPoints: 10,
      participatingMembers: 1,
      receipts: 1,
      budgetPoints: null,
    });
    expect(stats.body.daily).toEqual([expect.objectContaining({ points: 10, cumulativePoints: 10 })]);
    const csv = await request(t.server())
      .get(`/api/v1/campaigns/${id}/stats.csv`)
      .set('authorization', marketing)
      .expect(200);
    expect(csv.text.split('\r\n')[0]).toBe('date,points,cumulative_points,members,receipts');
  });

  it('never issues more than the budget when many sales race for its last points', async () => {
    const def = definition({ effect: { type: 'bonus', points: 10 }, limits: { budgetPoints: 35 } });
    const id = await launch(def);
    const category = def.basket.categories[0]!;
    const members = await Promise.all(Array.from({ length: 12 }, () => createMember(t.dataSource)));
    const results = await Promise.all(members.map((m) => earn(m.id, { receipt: receipt(category, 500) })));
    expect(results.map((r) => r.status)).toEqual(members.map(() => 201));
    const campaignPoints = results.flatMap((r) =>
      (r.body.lines as { campaignId: string | null; points: number }[]).filter((l) => l.campaignId === id),
    );
    expect(campaignPoints.reduce((sum, l) => sum + l.points, 0)).toBe(35);
    expect(campaignPoints.map((l) => l.points).sort((a, b) => b - a)).toEqual([10, 10, 10, 5]);
    // Every sale still earned its base points.
    expect(results.every((r) => (r.body.lines as { source: string }[])[0]!.source === 'base')).toBe(true);

    const campaign = await request(t.server())
      .get(`/api/v1/campaigns/${id}`)
      .set('authorization', marketing)
      .expect(200);
    expect(campaign.body).toMatchObject({
      issuedPoints: 35,
      budgetRemaining: 0,
      haltedReason: 'Budget spent',
    });
    const [issued] = await t.dataSource.query<[{ points: string }]>(
      'SELECT sum(points)::text AS points FROM campaign_issue WHERE campaign_id = $1',
      [id],
    );
    expect(issued.points).toBe('35');
  });

  it('caps what one member gets from a campaign per day', async () => {
    const def = definition({
      effect: { type: 'bonus', points: 10 },
      limits: { perMember: { points: 15, period: 'day' } },
    });
    const id = await launch(def);
    const category = def.basket.categories[0]!;
    const member = await createMember(t.dataSource);
    const bonus = async () =>
      (
        (await earn(member.id, { receipt: receipt(category, 200) }).expect(201)).body.lines as {
          campaignId: string | null;
          points: number;
        }[]
      )
        .filter((l) => l.campaignId === id)
        .reduce((sum, l) => sum + l.points, 0);
    expect([await bonus(), await bonus(), await bonus()]).toEqual([10, 5, 0]);
  });

  it('adds nothing once paused', async () => {
    const def = definition();
    const id = await launch(def);
    await request(t.server())
      .post(`/api/v1/campaigns/${id}/pause`)
      .set('authorization', marketing)
      .send({})
      .expect(200);
    const member = await createMember(t.dataSource);
    const res = await earn(member.id, { receipt: receipt(def.basket.categories[0]!, 1000) }).expect(201);
    expect(res.body.points).toBe(10);
  });
});

describe('campaign preview', () => {
  it('runs a sample basket through the till’s engine with and without the campaign', async () => {
    const def = definition({ effect: { type: 'multiplier', multiplierBp: 30_000 } });
    const res = await request(t.server())
      .post('/api/v1/campaigns/preview')
      .set('authorization', marketing)
      .send({ definition: def, receipt: receipt(def.basket.categories[0]!, 1250) })
      .expect(200);
    expect(res.body).toMatchObject({ without: { points: 12 }, with: { points: 37 }, campaignPoints: 25 });
  });
});
