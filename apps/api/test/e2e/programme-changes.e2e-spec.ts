import { randomUUID } from 'node:crypto';
import { DEFAULT_PROGRAMME } from '@tally/domain';
import request from 'supertest';
import { ProgrammeChangesService } from '../../src/modules/programme-changes/programme-changes.service.js';
import {
  bearerFor,
  createMember,
  createStaff,
  createTestApp,
  setProgramme,
  type TestApp,
} from '../factories/app.factory.js';

let t: TestApp;
let marketing: string;
let cashier: string;

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

const announce = (body: object) =>
  request(t.server()).post('/api/v1/programme/changes').set('authorization', marketing).send(body);
const count = async (sql: string) => Number((await t.dataSource.query<[{ n: string }]>(sql))[0].n);
const changes = () => count('SELECT count(*) AS n FROM programme_change');
const letters = () => count(`SELECT count(*) AS n FROM outbox_message WHERE template = 'programme_change'`);
const programme = async () =>
  (await request(t.server()).get('/api/v1/programme').set('authorization', marketing).expect(200)).body;

beforeAll(async () => {
  t = await createTestApp();
  marketing = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'marketing')).id);
  cashier = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'cashier')).id);
  await createMember(t.dataSource);
  await setProgramme(t, DEFAULT_PROGRAMME);
});
afterEach(async () => {
  await setProgramme(t, DEFAULT_PROGRAMME);
});
afterAll(async () => {
  await t.close();
});

describe('programme changes with notice', () => {
  it('refuses a change worse for members with less than the notice period, naming the date, and writes nothing', async () => {
    const [before, told] = [await changes(), await letters()];
    const res = await announce({
      effectiveAt: inDays(10),
      programme: { ...DEFAULT_PROGRAMME, pendingDays: 30 },
    }).expect(422);
    expect(res.body).toMatchObject({ code: 'PROGRAMME_NOTICE_TOO_SHORT' });
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'effectiveAt' })]);
    expect(res.body.detail).toContain('30 days');
    expect([await changes(), await letters()]).toEqual([before, told]);
  });

  it('announces a worse change with enough notice, tells every member, shows it as upcoming and applies it on the day', async () => {
    const members = await count(
      `SELECT count(*) AS n FROM member WHERE status = 'active' AND email IS NOT NULL`,
    );
    const told = await letters();
    const res = await announce({
      effectiveAt: inDays(31),
      programme: { ...DEFAULT_PROGRAMME, pendingDays: 30, expiryMonths: 12 },
    }).expect(201);
    expect(res.body).toMatchObject({ status: 'announced', worse: true });
    expect(res.body.differences).toEqual([
      expect.objectContaining({ setting: 'pendingDays', worse: true }),
      expect.objectContaining({ setting: 'expiryMonths', worse: true }),
    ]);
    expect(await letters()).toBe(told + members);

    const upcoming = await request(t.server()).get('/api/v1/programme/upcoming').expect(200);
    expect(upcoming.body).toContainEqual(
      expect.objectContaining({
        id: res.body.id,
        worse: true,
        details: [
          'Points can be spent 30 days after a purchase (was 14)',
          'Points expire 12 months after they are earned (was: points expire 24 months after they are earned)',
        ],
      }),
    );
    expect((await programme()).pendingDays).toBe(14);

    const service = t.app.get(ProgrammeChangesService);
    expect((await service.applyDue(new Date(Date.now() + 32 * DAY))).applied).toBeGreaterThanOrEqual(1);
    expect(await programme()).toMatchObject({ pendingDays: 30, expiryMonths: 12 });
    expect((await service.applyDue(new Date(Date.now() + 32 * DAY))).applied).toBe(0);
    const listed = await request(t.server()).get('/api/v1/programme/changes').set('authorization', marketing);
    expect(listed.body.find((c: { id: string }) => c.id === res.body.id)).toMatchObject({
      status: 'applied',
    });
  });

  it('applies a change that is better for members at once', async () => {
    const res = await announce({
      effectiveAt: new Date().toISOString(),
      programme: { ...DEFAULT_PROGRAMME, pointsPerUnit: 2 },
    }).expect(201);
    expect(res.body).toMatchObject({ status: 'applied', worse: false });
    expect((await programme()).pointsPerUnit).toBe(2);
  });

  it('withdraws an announced change, telling members, and drops it from the upcoming list', async () => {
    const res = await announce({
      effectiveAt: inDays(40),
      programme: { ...DEFAULT_PROGRAMME, pointsPerUnit: 1, spendUnit: 200 },
    }).expect(201);
    const withdrawn = await request(t.server())
      .post(`/api/v1/programme/changes/${res.body.id}/withdraw`)
      .set('authorization', marketing)
      .expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const upcoming = await request(t.server()).get('/api/v1/programme/upcoming').expect(200);
    expect(upcoming.body.map((c: { id: string }) => c.id)).not.toContain(res.body.id);
    await request(t.server())
      .post(`/api/v1/programme/changes/${res.body.id}/withdraw`)
      .set('authorization', marketing)
      .expect(409);
  });

  it.each<[string, object, string]>([
    [
      'a date in the past',
      { effectiveAt: inDays(-2), programme: { ...DEFAULT_PROGRAMME, pointsPerUnit: 2 } },
      'effectiveAt',
    ],
    [
      'a change members would not notice',
      { effectiveAt: inDays(40), programme: DEFAULT_PROGRAMME },
      'programme',
    ],
    [
      'an internal setting',
      {
        effectiveAt: inDays(40),
        programme: { ...DEFAULT_PROGRAMME, cashierLimits: { pointsPerReceipt: 1, pointsPerDay: 1 } },
      },
      'programme.cashierLimits',
    ],
    [
      'an unknown reward',
      {
        effectiveAt: inDays(40),
        programme: DEFAULT_PROGRAMME,
        rewardPrices: [{ rewardId: randomUUID(), costPoints: 5 }],
      },
      'rewardPrices.0.rewardId',
    ],
    ['a date that is not a date', { effectiveAt: 'soon', programme: DEFAULT_PROGRAMME }, 'effectiveAt'],
  ])('refuses %s, naming %s, and writes nothing', async (_, body, field) => {
    const before = await changes();
    const res = await announce(body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await changes()).toBe(before);
  });

  it('lets only programme managers announce', async () => {
    await request(t.server())
      .post('/api/v1/programme/changes')
      .set('authorization', cashier)
      .send({ effectiveAt: inDays(40), programme: DEFAULT_PROGRAMME })
      .expect(403);
  });
});

describe('changes without notice', () => {
  it('refuses a worse change through PUT /programme, naming each worse setting, and accepts a better one', async () => {
    const res = await request(t.server())
      .put('/api/v1/programme')
      .set('authorization', marketing)
      .send({ ...DEFAULT_PROGRAMME, expiryMonths: 6 })
      .expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'expiryMonths' })]);
    expect((await programme()).expiryMonths).toBe(24);
    await request(t.server())
      .put('/api/v1/programme')
      .set('authorization', marketing)
      .send({ ...DEFAULT_PROGRAMME, expiryMonths: 36 })
      .expect(200);
  });

  it('refuses a reward price rise without notice and applies an announced one on its date', async () => {
    const reward = await request(t.server())
      .post('/api/v1/rewards')
      .set('authorization', marketing)
      .send({ name: `Mug ${randomUUID().slice(0, 4)}`, costPoints: 200 })
      .expect(201);
    const rise = await request(t.server())
      .patch(`/api/v1/rewards/${reward.body.id}`)
      .set('authorization', marketing)
      .send({ costPoints: 250 })
      .expect(422);
    expect(rise.body.errors).toEqual([expect.objectContaining({ field: 'costPoints' })]);
    await request(t.server())
      .patch(`/api/v1/rewards/${reward.body.id}`)
      .set('authorization', marketing)
      .send({ costPoints: 150 })
      .expect(200);

    await announce({
      effectiveAt: inDays(5),
      programme: DEFAULT_PROGRAMME,
      rewardPrices: [{ rewardId: reward.body.id, costPoints: 250 }],
    }).expect(422);
    const announced = await announce({
      effectiveAt: inDays(30),
      programme: DEFAULT_PROGRAMME,
      rewardPrices: [{ rewardId: reward.body.id, costPoints: 250 }],
    }).expect(201);
    expect(announced.body.differences).toEqual([
      expect.objectContaining({
        setting: 'rewardPrice',
        worse: true,
        summary: expect.stringContaining('250 points instead of 150'),
      }),
    ]);
    await t.app.get(ProgrammeChangesService).applyDue(new Date(Date.now() + 31 * DAY));
    const rewards = await request(t.server()).get('/api/v1/rewards').expect(200);
    expect(rewards.body.find((r: { id: string }) => r.id === reward.body.id).costPoints).toBe(250);
  });
});
