import { randomUUID } from 'node:crypto';
import { DEFAULT_PROGRAMME, type MyReferrals } from '@tally/domain';
import request from 'supertest';
import { ReferralsService } from '../../src/modules/referrals/referrals.service.js';
import {
  bearerFor,
  createPosKey,
  createStaff,
  createStore,
  createTestApp,
  setProgramme,
  type TestApp,
  TEST_PASSWORD,
  uniqueEmail,
} from '../factories/app.factory.js';
import { inDays } from '../factories/ledger.factory.js';

let t: TestApp;
let pos: string;
let admin: string;

// The default return window (14 days) and a small cap, so the job step can be run "15 days later".
const programme = {
  ...DEFAULT_PROGRAMME,
  referrals: { enabled: true, referrerPoints: 500, friendPoints: 250, monthlyCapPerReferrer: 2 },
};

beforeAll(async () => {
  t = await createTestApp();
  pos = await createPosKey(t.dataSource, await createStore(t.dataSource));
  admin = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'admin')).id);
  await api().put('/api/v1/programme').set('authorization', admin).send(programme).expect(200);
});
afterAll(async () => {
  await setProgramme(t, DEFAULT_PROGRAMME);
  await t.close();
});

const api = () => request(t.server());
const rewardDue = (now: Date) => t.app.get(ReferralsService).rewardDue(now);

interface Joined {
  id: string;
  email: string;
  cardNumber: string;
  auth: string;
}

async function join(body: Record<string, unknown> = {}): Promise<Joined> {
  const email = (body.email as string | undefined) ?? uniqueEmail('friend');
  const res = await api()
    .post('/api/v1/members')
    .send({ email, password: TEST_PASSWORD, name: 'Bea Friend', ...body })
    .expect(201);
  return { ...res.body, email, auth: await bearerFor(t, 'member', res.body.id) };
}

async function referrals(member: Joined): Promise<MyReferrals> {
  return (await api().get('/api/v1/me/referrals').set('authorization', member.auth).expect(200)).body;
}

async function notices(
  member: Joined,
): Promise<{ kind: string; title: string; body: string; link: string }[]> {
  return (await api().get('/api/v1/me/notifications').set('authorization', member.auth).expect(200)).body
    .items;
}

async function balance(member: Joined) {
  return (await api().get('/api/v1/me').set('authorization', member.auth).expect(200)).body.balance;
}

/** The friend's purchase at the till: 20 points, pending for the 14-day return window. */
async function buy(member: Joined, extra: object = {}) {
  const receiptId = `R-${randomUUID().slice(0, 8)}`;
  await api()
    .post('/api/v1/checkout/earn')
    .set('authorization', pos)
    .set('idempotency-key', randomUUID())
    .send({
      member: { cardNumber: member.cardNumber },
      receipt: { id: receiptId, currency: 'GBP', lines: [{ sku: 'coat', quantity: 1, unitPrice: 2000 }] },
      ...extra,
    })
    .expect(201);
  return receiptId;
}

const referrer = () => join({ name: 'Ann Lee', phone: '07700 900123' });

describe('referrals: code, link and sign-up', () => {
  it('gives every member a stable short code and a sign-up link with it', async () => {
    const ann = await referrer();
    const first = await referrals(ann);
    expect(first.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTWXYZ]{8}$/);
    expect(first.link).toBe(`/sign-up?ref=${first.code}`);
    expect(first).toMatchObject({ enabled: true, referrerPoints: 500, friendPoints: 250, friends: [] });
    expect((await referrals(ann)).code).toBe(first.code);
    expect((await api().get(`/api/v1/referral-codes/${first.code.toLowerCase()}`).expect(200)).body).toEqual({
      valid: true,
    });
    expect((await api().get('/api/v1/referral-codes/ZZZZZZZZ').expect(200)).body).toEqual({ valid: false });
  });

  it('records a friend who joins with the code and shows only their first name', async () => {
    const ann = await referrer();
    const { code } = await referrals(ann);
    await join({ name: 'Bea Marie Friend', referralCode: code.toLowerCase() });
    const view = await referrals(ann);
    expect(view.friends).toHaveLength(1);
    expect(view.friends[0]).toMatchObject({
      displayName: 'Bea',
      state: 'joined',
      pointsPending: 500,
      pointsEarned: 0,
      ineligibleReason: null,
    });
    expect(JSON.stringify(view.friends[0])).not.toMatch(/Friend|@/);
    expect(view.totals).toEqual({ joined: 1, pointsPending: 500, pointsEarned: 0 });
  });

  it('refuses an unknown code naming the field, and writes nothing', async () => {
    const email = uniqueEmail('nocode');
    for (const referralCode of ['ZZZZZZZZ', 'not a code']) {
      const res = await api()
        .post('/api/v1/members')
        .send({ email, password: TEST_PASSWORD, name: 'Cy', referralCode })
        .expect(400);
      expect(res.body.errors).toEqual([{ field: 'referralCode', message: expect.any(String) }]);
    }
    // The email is still free: nothing was written.
    await api().post('/api/v1/members').send({ email, password: TEST_PASSWORD, name: 'Cy' }).expect(201);
  });

  it('lets a self-referral join but records it as not eligible, saying why', async () => {
    const ann = await join({ email: `ann.lee.${randomUUID().slice(0, 6)}@gmail.com`, phone: '07700 900555' });
    const { code } = await referrals(ann);
    const local = ann.email.split('@')[0]!;
    await join({ email: `${local.replaceAll('.', '')}+again@googlemail.com`, referralCode: code });
    await join({ phone: '+44 7700 900555', referralCode: code });
    const view = await referrals(ann);
    expect(view.friends.map((f) => [f.state, f.ineligibleReason, f.pointsPending]).sort()).toEqual([
      ['not_eligible', 'same_email', 0],
      ['not_eligible', 'same_phone', 0],
    ]);
  });

  it('ignores codes while referrals are switched off, and says none is valid', async () => {
    const ann = await referrer();
    const { code } = await referrals(ann);
    const off = { ...programme, referrals: { ...programme.referrals, enabled: false } };
    await api().put('/api/v1/programme').set('authorization', admin).send(off).expect(200);
    try {
      expect((await api().get(`/api/v1/referral-codes/${code}`).expect(200)).body).toEqual({ valid: false });
      await join({ referralCode: code });
      expect(await referrals(ann)).toMatchObject({ enabled: false, friends: [] });
    } finally {
      await api().put('/api/v1/programme').set('authorization', admin).send(programme).expect(200);
    }
  });
});

describe('referrals: rewarding (job step)', () => {
  it('credits both sides once the first purchase is past the return window, not before', async () => {
    const ann = await referrer();
    const bea = await join({ referralCode: (await referrals(ann)).code });
    await buy(bea);
    const pending = (await referrals(ann)).friends[0]!;
    expect(pending.state).toBe('purchase_pending');
    expect(new Date(pending.rewardDueAt!).getTime()).toBeGreaterThan(inDays(13).getTime());

    await rewardDue(new Date());
    expect((await referrals(ann)).friends[0]!.state).toBe('purchase_pending');
    expect(await balance(ann)).toMatchObject({ available: 0, pending: 0 });

    await rewardDue(inDays(15));
    const view = await referrals(ann);
    expect(view.friends[0]).toMatchObject({ state: 'rewarded', pointsEarned: 500, pointsPending: 0 });
    expect(view.totals).toMatchObject({ pointsEarned: 500, pointsPending: 0 });
    expect((await balance(ann)).available).toBe(500);
    expect((await balance(bea)).available).toBe(250);

    // The statement names the other side.
    const annLines = (await api().get('/api/v1/me/statement').set('authorization', ann.auth)).body.items;
    expect(annLines[0].reason.description).toBe('Referral: Bea joined');
    const beaLines = (await api().get('/api/v1/me/statement').set('authorization', bea.auth)).body.items;
    expect(beaLines[0].reason.description).toBe('Welcome bonus for joining with Ann’s code');

    // Running the step again credits nothing more.
    await rewardDue(inDays(16));
    expect((await balance(ann)).available).toBe(500);
  });

  it('tells the referrer their friend made a first purchase and the friend about the welcome bonus, once', async () => {
    const ann = await referrer();
    const bea = await join({ referralCode: (await referrals(ann)).code });
    await buy(bea);
    await rewardDue(new Date());
    expect((await notices(ann)).filter((n) => n.kind === 'referral_rewarded')).toEqual([]);

    await rewardDue(inDays(15));
    await rewardDue(inDays(16));
    expect(await notices(ann)).toEqual([
      expect.objectContaining({
        kind: 'referral_rewarded',
        title: 'Bea made their first purchase: +500 points',
        link: '/referrals',
      }),
    ]);
    const beaNotices = (await notices(bea)).filter((n) => n.kind === 'referral_rewarded');
    expect(beaNotices).toEqual([
      expect.objectContaining({
        title: 'Welcome bonus: +250 points',
        body: expect.stringContaining('joining with Ann’s code'),
        link: '/statement',
      }),
    ]);
  });

  it('waits for a purchase that was kept: a fully refunded first purchase earns nobody anything', async () => {
    const ann = await referrer();
    const bea = await join({ referralCode: (await referrals(ann)).code });
    const receiptId = await buy(bea);
    await api()
      .post('/api/v1/checkout/refund')
      .set('authorization', pos)
      .set('idempotency-key', randomUUID())
      .send({ receiptId })
      .expect(201);
    await rewardDue(inDays(15));
    expect((await referrals(ann)).friends[0]!.state).toBe('joined');
    expect((await balance(ann)).available).toBe(0);
  });

  it('finds the same payment card on both sides and pays nothing', async () => {
    const ann = await referrer();
    const card = `tok_${randomUUID()}`;
    await buy(ann, { paymentCardFingerprint: card });
    const bea = await join({ referralCode: (await referrals(ann)).code });
    await buy(bea, { paymentCardFingerprint: card });
    await rewardDue(inDays(15));
    expect((await referrals(ann)).friends[0]).toMatchObject({
      state: 'not_eligible',
      ineligibleReason: 'same_card',
      pointsEarned: 0,
    });
    // Only the purchase's own points (still pending until the release job runs).
    expect(await balance(bea)).toMatchObject({ available: 0, pending: 20 });
  });

  it('stops paying the referrer over the monthly cap, while the friend still gets the welcome bonus', async () => {
    const ann = await referrer();
    const { code } = await referrals(ann);
    const friends = [];
    for (let i = 0; i < 3; i += 1) friends.push(await join({ referralCode: code }));
    for (const friend of friends) await buy(friend);
    await rewardDue(inDays(15));
    const view = await referrals(ann);
    expect(view.friends.map((f) => f.state).sort()).toEqual(['not_eligible', 'rewarded', 'rewarded']);
    expect(view.friends.find((f) => f.state === 'not_eligible')!.ineligibleReason).toBe('monthly_cap');
    expect((await balance(ann)).available).toBe(1_000);
    for (const friend of friends) expect((await balance(friend)).available).toBe(250);
    // The referrer hears about every friend, and why the third earned nothing; every friend hears of the bonus.
    const told = (await notices(ann)).map((n) => `${n.title} | ${n.body}`).sort();
    expect(told).toEqual([
      'Bea made their first purchase | You have reached this month’s limit of 2 rewarded referrals, so this one earns you no points. Your friend still gets their welcome bonus.',
      'Bea made their first purchase: +500 points | Thank you for referring a friend. The points are ready to spend.',
      'Bea made their first purchase: +500 points | Thank you for referring a friend. The points are ready to spend.',
    ]);
    for (const friend of friends)
      expect((await notices(friend)).map((n) => n.title)).toContain('Welcome bonus: +250 points');
  });

  it('credits each side exactly once when two runs go in parallel', async () => {
    const ann = await referrer();
    const bea = await join({ referralCode: (await referrals(ann)).code });
    await buy(bea);
    const runs = await Promise.all([rewardDue(inDays(15)), rewardDue(inDays(15))]);
    expect(runs.reduce((sum, r) => sum + r.done, 0)).toBeGreaterThanOrEqual(1);
    expect((await balance(ann)).available).toBe(500);
    expect((await balance(bea)).available).toBe(250);
    const [{ n }] = await t.dataSource.query<[{ n: string }]>(
      `SELECT count(*)::text AS n FROM ledger_journal WHERE metadata->>'referralId' = $1`,
      [(await referrals(ann)).friends[0]!.id],
    );
    expect(n).toBe('2');
  });
});
