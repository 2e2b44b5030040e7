import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { LedgerService } from '../../src/modules/ledger/ledger.service.js';
import {
  bearerFor,
  createMember,
  createPosKey,
  createStaff,
  createStore,
  createTestApp,
  type TestApp,
} from '../factories/app.factory.js';
import { ctx, inDays } from '../factories/ledger.factory.js';

let t: TestApp;
let marketing: string;
let pos: string;

beforeAll(async () => {
  t = await createTestApp();
  marketing = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'marketing')).id);
  pos = await createPosKey(t.dataSource, await createStore(t.dataSource));
});
afterAll(async () => {
  await t.close();
});

const api = () => request(t.server());
const newReward = (body: object = {}) =>
  api()
    .post('/api/v1/rewards')
    .set('authorization', marketing)
    .send({ name: `Coffee ${randomUUID().slice(0, 4)}`, costPoints: 100, ...body });

async function memberWith(points: number, expiresAt = inDays(200)) {
  const member = await createMember(t.dataSource);
  await t.app.get(LedgerService).earn({ ...ctx(), memberId: member.id, points, expiresAt });
  return { ...member, auth: await bearerFor(t, 'member', member.id) };
}

const redeem = (auth: string, rewardId: string, key = randomUUID()) =>
  api()
    .post(`/api/v1/me/rewards/${rewardId}/redeem`)
    .set('authorization', auth)
    .set('idempotency-key', key)
    .send({});

describe('rewards and vouchers', () => {
  it('lets marketing add a reward that members then see on offer', async () => {
    const reward = await newReward({ description: 'Any size', stock: 5 }).expect(201);
    const later = await newReward({ activeFrom: inDays(3).toISOString() }).expect(201);
    const offer = await api().get('/api/v1/rewards').expect(200);
    const ids = offer.body.map((r: { id: string }) => r.id);
    expect(ids).toContain(reward.body.id);
    expect(ids).not.toContain(later.body.id);
    const member = await memberWith(500);
    const scheduled = await redeem(member.auth, later.body.id).expect(409);
    expect(scheduled.body.code).toBe('REWARD_UNAVAILABLE');
    await redeem(member.auth, randomUUID()).expect(404);
    expect((await api().get('/api/v1/me').set('authorization', member.auth)).body.balance.available).toBe(
      500,
    );
    await newReward({ costPoints: 0 }).expect(400);
    await newReward({ activeFrom: inDays(3).toISOString(), activeUntil: inDays(1).toISOString() }).expect(
      400,
    );
  });

  it('issues a single-use voucher for points, once per Idempotency-Key', async () => {
    const reward = (await newReward({ costPoints: 120 }).expect(201)).body;
    const member = await memberWith(300);
    const key = randomUUID();
    const first = await redeem(member.auth, reward.id, key).expect(201);
    expect(first.body.voucher).toMatchObject({
      code: expect.stringMatching(/^TV-[A-Z0-9]{4}-[A-Z0-9]{4}$/),
      status: 'active',
      points: 120,
    });
    expect(first.body.balance.available).toBe(180);
    const again = await redeem(member.auth, reward.id, key).expect(201);
    expect(again.body.voucher.code).toBe(first.body.voucher.code);
    expect(again.body.balance.available).toBe(180);
    const mine = await api().get('/api/v1/me/vouchers').set('authorization', member.auth).expect(200);
    expect(mine.body).toHaveLength(1);
  });

  it('refuses a reward out of stock or over the member’s limit, and spends nothing', async () => {
    const scarce = (await newReward({ stock: 1 }).expect(201)).body;
    const limited = (await newReward({ perMemberLimit: 1 }).expect(201)).body;
    const member = await memberWith(1000);
    await redeem(member.auth, scarce.id).expect(201);
    const gone = await redeem(member.auth, scarce.id).expect(409);
    expect(gone.body.code).toBe('REWARD_UNAVAILABLE');
    await redeem(member.auth, limited.id).expect(201);
    const limit = await redeem(member.auth, limited.id).expect(409);
    expect(limit.body.code).toBe('REWARD_LIMIT_REACHED');
    const me = await api().get('/api/v1/me').set('authorization', member.auth).expect(200);
    expect(me.body.balance.available).toBe(800);
  });

  it('refuses a reward the balance cannot cover, saying what is available and what it costs', async () => {
    const reward = (await newReward({ costPoints: 120 }).expect(201)).body;
    const member = await memberWith(90);
    const short = await redeem(member.auth, reward.id).expect(422);
    expect(short.body).toMatchObject({
      code: 'INSUFFICIENT_POINTS',
      available: 90,
      requested: 120,
      detail: '120 points were asked for but only 90 are available to spend.',
    });
    const atTill = await api()
      .post('/api/v1/checkout/redeem')
      .set('authorization', pos)
      .set('idempotency-key', randomUUID())
      .send({ member: { cardNumber: member.cardNumber }, rewardId: reward.id })
      .expect(422);
    expect(atTill.body).toMatchObject({ code: 'INSUFFICIENT_POINTS', available: 90, requested: 120 });
    const mine = await api().get('/api/v1/me/vouchers').set('authorization', member.auth).expect(200);
    expect(mine.body).toEqual([]);
  });

  it('cancels an unused voucher and returns the points with their original expiry', async () => {
    const reward = (await newReward({ costPoints: 50 }).expect(201)).body;
    const expiresAt = inDays(40);
    const member = await memberWith(50, expiresAt);
    const { voucher } = (await redeem(member.auth, reward.id).expect(201)).body;
    const cancelled = await api()
      .post(`/api/v1/me/vouchers/${voucher.id}/cancel`)
      .set('authorization', member.auth)
      .expect(201);
    expect(cancelled.body).toMatchObject({ voucher: { status: 'cancelled' }, balance: { available: 50 } });
    const [lot] = await t.dataSource.query<[{ expires_at: Date; remaining: string }]>(
      'SELECT expires_at, remaining::text FROM points_lot WHERE member_id = $1',
      [member.id],
    );
    expect([Number(lot.remaining), new Date(lot.expires_at).getTime()]).toEqual([50, expiresAt.getTime()]);
    await api()
      .post(`/api/v1/me/vouchers/${voucher.id}/cancel`)
      .set('authorization', member.auth)
      .expect(409);
    const other = await memberWith(10);
    await api().post(`/api/v1/me/vouchers/${voucher.id}/cancel`).set('authorization', other.auth).expect(404);
  });

  it('takes a voucher at the till exactly once, even when two tills try at the same moment', async () => {
    const reward = (await newReward({ costPoints: 30 }).expect(201)).body;
    const member = await memberWith(30);
    const { voucher } = (await redeem(member.auth, reward.id).expect(201)).body;
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        api()
          .post('/api/v1/checkout/vouchers/redeem')
          .set('authorization', pos)
          .send({ code: voucher.code.toLowerCase() }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'VOUCHER_NOT_ACTIVE')).toBe(
      true,
    );
    await api()
      .post(`/api/v1/me/vouchers/${voucher.id}/cancel`)
      .set('authorization', member.auth)
      .expect(409);
    await api()
      .post('/api/v1/checkout/vouchers/redeem')
      .set('authorization', pos)
      .send({ code: 'TV-0000-0000' })
      .expect(404);
    await api()
      .post('/api/v1/checkout/vouchers/redeem')
      .set('authorization', pos)
      .send({ code: 'not a code' })
      .expect(400);
  });

  it('redeems a reward at the till for a member and hands back the voucher', async () => {
    const reward = (await newReward({ costPoints: 40 }).expect(201)).body;
    const member = await memberWith(100);
    const res = await api()
      .post('/api/v1/checkout/redeem')
      .set('authorization', pos)
      .set('idempotency-key', randomUUID())
      .send({ member: { cardNumber: member.cardNumber }, rewardId: reward.id })
      .expect(201);
    expect(res.body).toMatchObject({ points: 40, balance: { available: 60 }, voucher: { status: 'active' } });
    await api()
      .post('/api/v1/checkout/redeem')
      .set('authorization', pos)
      .set('idempotency-key', randomUUID())
      .send({ member: { cardNumber: member.cardNumber }, rewardId: reward.id, points: 5 })
      .expect(400);
  });
});

describe('changing a reward', () => {
  it('changes only the fields a PATCH names, and archiving takes it off offer', async () => {
    const created = (await newReward({ description: 'Keep me', voucherValidDays: 10 }).expect(201)).body;
    const archived = await api()
      .patch(`/api/v1/rewards/${created.id}`)
      .set('authorization', marketing)
      .send({ archived: true })
      .expect(200);
    expect(archived.body).toMatchObject({ archived: true, description: 'Keep me', voucherValidDays: 10 });
    const offer = await api().get('/api/v1/rewards').expect(200);
    expect(offer.body.map((r: { id: string }) => r.id)).not.toContain(created.id);
    await api().patch(`/api/v1/rewards/${created.id}`).set('authorization', marketing).send({}).expect(400);
    await api()
      .patch(`/api/v1/rewards/00000000-0000-4000-8000-000000000000`)
      .set('authorization', marketing)
      .send({ name: 'Nope' })
      .expect(404);
  });
});
