import { randomUUID } from 'node:crypto';
import { DEFAULT_PROGRAMME, type Notification } from '@tally/domain';
import request from 'supertest';
import { LedgerService, systemContext } from '../../src/modules/ledger/ledger.service.js';
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
import { ctx, inDays } from '../factories/ledger.factory.js';

let t: TestApp;
let ledger: LedgerService;
let pos: string;
let marketing: string;
const storeName = `Debit store ${randomUUID().slice(0, 6)}`;

beforeAll(async () => {
  t = await createTestApp();
  ledger = t.app.get(LedgerService);
  pos = await createPosKey(t.dataSource, await createStore(t.dataSource, storeName));
  marketing = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'marketing')).id);
  // Points are spendable at once, so a till can spend what it just awarded.
  await setProgramme(t, { ...DEFAULT_PROGRAMME, pendingDays: 0 });
});
afterAll(async () => {
  await setProgramme(t, DEFAULT_PROGRAMME);
  await t.close();
});

const api = () => request(t.server());

async function signedInMember() {
  const member = await createMember(t.dataSource);
  return { ...member, auth: await bearerFor(t, 'member', member.id) };
}

/** The member's notices of one kind, as the portal lists them. */
async function notices(auth: string, kind: Notification['kind']): Promise<Notification[]> {
  const res = await api().get('/api/v1/me/notifications?limit=100').set('authorization', auth).expect(200);
  return (res.body.items as Notification[]).filter((n) => n.kind === kind);
}

const till = (path: string, body: object, key = randomUUID()) =>
  api().post(`/api/v1/checkout/${path}`).set('authorization', pos).set('idempotency-key', key).send(body);

async function tillEarn(memberId: string, pounds: number) {
  const ref = `R-${randomUUID().slice(0, 8)}`;
  await till('earn', {
    member: { memberId },
    receipt: { id: ref, currency: 'GBP', lines: [{ sku: 'lamp', quantity: 1, unitPrice: pounds * 100 }] },
  }).expect(201);
  return ref;
}

describe('every debit the member did not make is told', () => {
  it('tells of a till refund that takes points back, naming the receipt and the debt, once even when the refund is replayed', async () => {
    const member = await signedInMember();
    const ref = await tillEarn(member.id, 100);
    await till('redeem', { member: { memberId: member.id }, points: 90, receiptId: 'R-other' }).expect(201);
    const key = randomUUID();
    const refund = await till('refund', { receiptId: ref }, key).expect(201);
    expect(refund.body).toMatchObject({ pointsReversed: 100, balance: { available: 0, debt: 90 } });
    const replay = await till('refund', { receiptId: ref }, key).expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');

    const told = await notices(member.auth, 'points_reversed');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      title: '100 points taken back for a refund',
      body: `Receipt ${ref} was refunded, so the points it earned were taken back. You had already spent 90 of them, so you owe 90 points: they come out of the next points you earn.`,
      link: '/statement',
    });
  });

  it('tells of points spent at a till towards a receipt or on a reward, naming the store, once per redemption however often it is retried', async () => {
    const member = await signedInMember();
    await tillEarn(member.id, 200);
    const key = randomUUID();
    const spend = { member: { memberId: member.id }, points: 30, receiptId: 'R-pay-7' };
    await till('redeem', spend, key).expect(201);
    await till('redeem', spend, key).expect(201);
    const reward = (
      await api()
        .post('/api/v1/rewards')
        .set('authorization', marketing)
        .send({ name: 'Free coffee', costPoints: 50 })
        .expect(201)
    ).body;
    const rewardKey = randomUUID();
    await till('redeem', { member: { memberId: member.id }, rewardId: reward.id }, rewardKey).expect(201);
    await till('redeem', { member: { memberId: member.id }, rewardId: reward.id }, rewardKey).expect(201);

    const told = await notices(member.auth, 'points_redeemed');
    expect(told.map((n) => [n.title, n.body])).toEqual([
      [
        `You spent 50 points at the till in ${storeName}`,
        'For a voucher: Free coffee. If this was not you, please tell us.',
      ],
      [
        `You spent 30 points at the till in ${storeName}`,
        'Towards receipt R-pay-7. If this was not you, please tell us.',
      ],
    ]);
  });

  it('tells nothing of a reward the member redeems themselves in the portal', async () => {
    const member = await signedInMember();
    await tillEarn(member.id, 100);
    const reward = (
      await api()
        .post('/api/v1/rewards')
        .set('authorization', marketing)
        .send({ name: 'Tote bag', costPoints: 40 })
        .expect(201)
    ).body;
    await api()
      .post(`/api/v1/me/rewards/${reward.id}/redeem`)
      .set('authorization', member.auth)
      .set('idempotency-key', randomUUID())
      .send({})
      .expect(201);
    expect(await notices(member.auth, 'points_redeemed')).toHaveLength(0);
  });

  it('tells of points that reached their expiry date, once however often the expiry runs', async () => {
    const member = await signedInMember();
    await ledger.earn({ ...ctx(), memberId: member.id, points: 70, expiresAt: inDays(1) });
    const asOf = inDays(2);
    const key = `expire:${member.id}:${asOf.toISOString()}`;
    await ledger.expire(member.id, asOf, systemContext(key));
    await ledger.expire(member.id, asOf, systemContext(key));
    await ledger.expire(member.id, inDays(3), systemContext(`${key}:again`)); // nothing left: tells nothing

    const told = await notices(member.auth, 'points_expired');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      title: '70 points expired',
      body: 'They reached their expiry date before they were spent. Points you spend are always taken from the soonest to expire.',
    });
  });

  it('tells of points expired after months without activity, with that reason', async () => {
    const member = await signedInMember();
    const earned = await ledger.earn({ ...ctx(), memberId: member.id, points: 15, expiresAt: inDays(900) });
    const [row] = await t.dataSource.query<[{ created_at: Date }]>(
      `SELECT created_at FROM ledger_journal WHERE id = $1`,
      [earned.journalId],
    );
    const inactive = { asOf: inDays(100), months: 2, lastActivityAt: new Date(row.created_at) };
    await ledger.expireIfInactive(member.id, inactive);
    await ledger.expireIfInactive(member.id, inactive);

    const told = await notices(member.auth, 'points_expired');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      title: '15 points expired',
      body: 'No points earned or spent for 2 months, so your points expired under the programme’s rules.',
    });
  });

  it('tells of points deducted by staff with the reason they gave, once; an addition tells nothing of a debit', async () => {
    const member = await signedInMember();
    await ledger.earn({ ...ctx(), memberId: member.id, points: 100, expiresAt: inDays(300) });
    const deduct = ctx({ idempotencyKey: `adjust-${randomUUID()}` });
    const input = { ...deduct, memberId: member.id, points: -20, reason: 'awarded twice for receipt R-9' };
    await ledger.adjust(input);
    await ledger.adjust(input);
    await ledger.adjust({ ...ctx(), memberId: member.id, points: 5, reason: 'goodwill' });

    const told = await notices(member.auth, 'points_adjusted');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      title: '20 points deducted by our staff',
      body: 'Reason given: Awarded twice for receipt R-9.',
    });
  });

  it('tells nobody of a debit whose transaction rolled back', async () => {
    const member = await signedInMember();
    await ledger.earn({ ...ctx(), memberId: member.id, points: 100, expiresAt: inDays(300) });
    await expect(
      t.dataSource.transaction(async (manager) => {
        await ledger.redeem({ ...ctx(), memberId: member.id, points: 10 }, manager);
        throw new Error('the sale was abandoned');
      }),
    ).rejects.toThrow('the sale was abandoned');
    expect(await notices(member.auth, 'points_redeemed')).toHaveLength(0);
    expect((await ledger.balance(member.id)).available).toBe(100);
  });
});
