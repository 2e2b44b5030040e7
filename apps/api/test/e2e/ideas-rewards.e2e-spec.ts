import {
  DEFAULT_PROGRAMME,
  IdeaRewardsSchema,
  type Idea,
  type IdeaRewards,
  type MyImpact,
  type StatementPage,
} from '@tally/domain';
import request from 'supertest';
import { LedgerService } from '../../src/modules/ledger/ledger.service.js';
import {
  bearerFor,
  createMember,
  createStaff,
  createTestApp,
  type TestApp,
} from '../factories/app.factory.js';
import { inDays } from '../factories/ledger.factory.js';

// The tests use the default idea rewards, so they change no programme setting other files rely on.
const { acceptedPoints, shippedPoints, holdDays, quarterlyCapPerMember } = DEFAULT_PROGRAMME.ideas;

let t: TestApp;
let marketing: string;

beforeAll(async () => {
  t = await createTestApp();
  marketing = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'marketing')).id);
});
afterAll(async () => {
  await t.close();
});

const api = () => request(t.server());

interface Member {
  id: string;
  auth: string;
}

async function member(): Promise<Member> {
  const m = await createMember(t.dataSource);
  return { id: m.id, auth: await bearerFor(t, 'member', m.id) };
}

async function openIdea(author: Member, title = 'Bring back the paper bag'): Promise<Idea> {
  const idea: Idea = (
    await api()
      .post('/api/v1/ideas')
      .set('authorization', author.auth)
      .send({
        title: `${title} ${Math.random().toString(36).slice(2, 8)}`,
        description: 'Paper bags at every till, please.',
        category: 'sustainability',
      })
      .expect(201)
  ).body;
  await api()
    .post(`/api/v1/admin/ideas/${idea.id}/approve`)
    .set('authorization', marketing)
    .send({})
    .expect(200);
  return idea;
}

const move = (id: string, to: string) =>
  api()
    .post(`/api/v1/admin/ideas/${id}/status`)
    .set('authorization', marketing)
    .send({ to, response: `Moved to ${to}.` })
    .expect(200);

async function walk(id: string, states: string[]) {
  for (const to of states) await move(id, to);
}

const balance = async (m: Member) =>
  (await api().get(`/api/v1/me`).set('authorization', m.auth).expect(200)).body.balance as {
    available: number;
    pending: number;
  };

const impact = async (m: Member): Promise<MyImpact> =>
  (await api().get('/api/v1/me/ideas/impact').set('authorization', m.auth).expect(200)).body;

const statement = async (m: Member): Promise<StatementPage> =>
  (await api().get('/api/v1/me/statement').set('authorization', m.auth).expect(200)).body;

describe('idea rewards', () => {
  it('pays nothing for posting or voting (one’s own vote included)', async () => {
    const author = await member();
    const idea = await openIdea(author);
    await api().put(`/api/v1/ideas/${idea.id}/vote`).set('authorization', author.auth).expect(200);
    const voter = await member();
    await api().put(`/api/v1/ideas/${idea.id}/vote`).set('authorization', voter.auth).expect(200);
    expect(await balance(author)).toMatchObject({ available: 0, pending: 0 });
    expect(await balance(voter)).toMatchObject({ available: 0, pending: 0 });
  });

  it('holds the accepted bonus as pending when planned, and cancels it when declined within the hold', async () => {
    const author = await member();
    const idea = await openIdea(author);
    await walk(idea.id, ['under_review', 'planned']);
    expect(await balance(author)).toMatchObject({ available: 0, pending: acceptedPoints });
    const lines = (await statement(author)).items;
    expect(lines[0]!.reason.description).toBe(`Idea bonus: “${idea.title}” (#${idea.number}) is planned`);

    await move(idea.id, 'declined');
    expect(await balance(author)).toMatchObject({ available: 0, pending: 0 });
    expect((await statement(author)).items[0]!.reason.description).toBe(
      `Idea bonus cancelled: “${idea.title}” (#${idea.number})`,
    );
    const mine = await impact(author);
    expect(mine.ideas[0]!.rewards).toEqual([
      expect.objectContaining({ kind: 'accepted', state: 'cancelled', points: acceptedPoints }),
    ]);

    // Reopened and planned again: a status bounce never pays twice.
    await walk(idea.id, ['open', 'under_review', 'planned']);
    expect(await balance(author)).toMatchObject({ available: 0, pending: 0 });
  });

  it('cancels the pending bonus when the idea is merged within the hold', async () => {
    const author = await member();
    const idea = await openIdea(author);
    const target = await openIdea(await member(), 'Paper bags for everyone');
    await walk(idea.id, ['under_review', 'planned']);
    await api()
      .post(`/api/v1/admin/ideas/${idea.id}/merge`)
      .set('authorization', marketing)
      .send({ targetId: target.id, response: 'Same as the other idea.' })
      .expect(200);
    expect(await balance(author)).toMatchObject({ available: 0, pending: 0 });
  });

  it('releases the accepted bonus after the hold (the ledger’s release job), then pays the shipped bonus at once', async () => {
    const author = await member();
    const idea = await openIdea(author);
    await walk(idea.id, ['under_review', 'planned']);
    await t.app.get(LedgerService).releaseDue(inDays(holdDays + 1));
    expect(await balance(author)).toMatchObject({ available: acceptedPoints, pending: 0 });

    // Declined after the hold: the released bonus stays.
    await move(idea.id, 'declined');
    expect(await balance(author)).toMatchObject({ available: acceptedPoints, pending: 0 });
    await walk(idea.id, ['open', 'under_review', 'planned', 'in_progress', 'shipped']);
    expect(await balance(author)).toMatchObject({ available: acceptedPoints + shippedPoints, pending: 0 });
    expect((await statement(author)).items[0]!.reason.description).toBe(
      `Idea bonus: “${idea.title}” (#${idea.number}) shipped`,
    );
    const mine = await impact(author);
    expect(mine.totals).toMatchObject({ ideas: 1, shipped: 1, pointsEarned: acceptedPoints + shippedPoints });

    const wall = (await api().get('/api/v1/ideas/wall').expect(200)).body;
    expect(wall.items[0]).toMatchObject({ id: idea.id, authorName: 'Test', response: 'Moved to shipped.' });
    const roadmap = (await api().get('/api/v1/ideas/roadmap').expect(200)).body;
    expect(roadmap.shipped.map((i: Idea) => i.id)).toContain(idea.id);
  });

  it('stops paying at the quarterly cap and records what the cap held back', async () => {
    const author = await member();
    const perIdea = acceptedPoints + shippedPoints;
    const full = Math.floor(quarterlyCapPerMember / perIdea);
    const ideas: Idea[] = [];
    for (let i = 0; i <= full; i += 1) ideas.push(await openIdea(author, `Idea number ${i} for the cap`));
    for (const idea of ideas) await walk(idea.id, ['under_review', 'planned', 'in_progress', 'shipped']);

    const b = await balance(author);
    expect(b.available + b.pending).toBe(quarterlyCapPerMember);
    const rewards = (await impact(author)).ideas.flatMap((i) => i.rewards);
    const held = rewards.reduce((n, r) => n + r.cappedPoints, 0);
    expect(held).toBe((full + 1) * perIdea - quarterlyCapPerMember);
    expect(rewards.some((r) => r.cappedPoints > 0)).toBe(true);
  });

  it('tells the author’s supporters count and what shipped in My impact', async () => {
    const author = await member();
    const idea = await openIdea(author);
    const fans = await Promise.all([member(), member()]);
    for (const f of [...fans, author])
      await api().put(`/api/v1/ideas/${idea.id}/vote`).set('authorization', f.auth).expect(200);
    await walk(idea.id, ['under_review', 'planned', 'in_progress', 'shipped']);
    const mine = await impact(author);
    expect(mine.ideas[0]).toMatchObject({ id: idea.id, supporters: 2, state: 'shipped' });
    expect(mine.totals.supportersGained).toBe(2);
    const fan = await impact(fans[0]);
    expect(fan.shippedISupported.map((i) => i.id)).toEqual([idea.id]);
  });
});

describe('GET /api/v1/admin/ideas/:id/rewards', () => {
  const rewardsOf = async (id: string, auth = marketing): Promise<IdeaRewards> => {
    const res = await api().get(`/api/v1/admin/ideas/${id}/rewards`).set('authorization', auth).expect(200);
    return IdeaRewardsSchema.strict().parse(res.body);
  };

  it('shows a moderator the author’s bonuses as they move: none, pending with its release date, available, then shipped', async () => {
    const author = await member();
    const idea = await openIdea(author);
    expect(await rewardsOf(idea.id)).toEqual({ ideaId: idea.id, rewards: [] });

    const before = Date.now();
    await walk(idea.id, ['under_review', 'planned']);
    const pending = (await rewardsOf(idea.id)).rewards;
    expect(pending).toEqual([
      expect.objectContaining({
        kind: 'accepted',
        state: 'pending',
        points: acceptedPoints,
        cappedPoints: 0,
      }),
    ]);
    const releaseIn = Date.parse(pending[0]!.availableAt!) - before;
    expect(releaseIn).toBeGreaterThanOrEqual(holdDays * 86_400_000 - 1_000);
    expect(releaseIn).toBeLessThanOrEqual(holdDays * 86_400_000 + 60_000);

    await t.app.get(LedgerService).releaseDue(inDays(holdDays + 1));
    await walk(idea.id, ['in_progress', 'shipped']);
    const manager = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'manager')).id);
    expect((await rewardsOf(idea.id, manager)).rewards).toEqual([
      expect.objectContaining({ kind: 'accepted', state: 'available', points: acceptedPoints }),
      expect.objectContaining({
        kind: 'shipped',
        state: 'available',
        points: shippedPoints,
        availableAt: null,
      }),
    ]);
    // The same bonuses the author reads in My impact.
    expect((await impact(author)).ideas[0]!.rewards).toEqual((await rewardsOf(idea.id)).rewards);
  });

  it('shows a bonus cancelled by a decline within the hold, and one the quarterly cap held back', async () => {
    const author = await member();
    const declined = await openIdea(author);
    await walk(declined.id, ['under_review', 'planned', 'declined']);
    expect((await rewardsOf(declined.id)).rewards).toEqual([
      expect.objectContaining({ kind: 'accepted', state: 'cancelled', points: acceptedPoints }),
    ]);

    const perIdea = acceptedPoints + shippedPoints;
    const ideas: Idea[] = [];
    for (let i = 0; i <= Math.floor(quarterlyCapPerMember / perIdea); i += 1)
      ideas.push(await openIdea(author, `Capped idea ${i}`));
    for (const idea of ideas) await walk(idea.id, ['under_review', 'planned', 'in_progress', 'shipped']);
    // The last shipped bonus is cut to what was left of the cap: paid part and held-back part add up.
    const shipped = (await rewardsOf(ideas.at(-1)!.id)).rewards.find((r) => r.kind === 'shipped')!;
    expect(shipped.cappedPoints).toBeGreaterThan(0);
    expect(shipped.points + shipped.cappedPoints).toBe(shippedPoints);
    expect(shipped.state).toBe(shipped.points === 0 ? 'capped' : 'available');
  });

  it('refuses a member (the author too) and a cashier; 404 for an unknown idea, 400 naming a malformed id', async () => {
    const author = await member();
    const idea = await openIdea(author);
    const cashier = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'cashier')).id);
    for (const auth of [author.auth, (await member()).auth, cashier]) {
      const res = await api().get(`/api/v1/admin/ideas/${idea.id}/rewards`).set('authorization', auth);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect((await api().get(`/api/v1/admin/ideas/${idea.id}/rewards`)).status).toBe(401);

    const missing = await api()
      .get('/api/v1/admin/ideas/0f0e0d0c-0b0a-4909-8807-060504030201/rewards')
      .set('authorization', marketing);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('IDEA_NOT_FOUND');
    const bad = await api().get('/api/v1/admin/ideas/not-an-id/rewards').set('authorization', marketing);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
  });
});
