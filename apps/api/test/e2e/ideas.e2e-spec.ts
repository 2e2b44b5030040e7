import { type Idea, type IdeaDetail, type IdeaPage } from '@tally/domain';
import request from 'supertest';
import { IdeasService } from '../../src/modules/ideas/ideas.service.js';
import { WebhookEventsService } from '../../src/modules/webhooks/webhook-events.service.js';
import {
  bearerFor,
  createMember,
  createStaff,
  createTestApp,
  type TestApp,
} from '../factories/app.factory.js';

let t: TestApp;
let marketing: string;
let cashier: string;

beforeAll(async () => {
  t = await createTestApp();
  marketing = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'marketing')).id);
  cashier = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'cashier')).id);
});
afterAll(async () => {
  await t.close();
});

const api = () => request(t.server());
let counter = 0;

interface Member {
  id: string;
  email: string;
  auth: string;
}

async function member(): Promise<Member> {
  const m = await createMember(t.dataSource);
  return { ...m, auth: await bearerFor(t, 'member', m.id) };
}

function ideaBody(extra: Record<string, unknown> = {}) {
  counter += 1;
  return {
    title: `Refill station for cleaning products ${counter} ${Math.random().toString(36).slice(2, 7)}`,
    description: 'Bring your own bottle and refill it in store.',
    category: 'sustainability',
    tags: ['refill'],
    ...extra,
  };
}

async function submit(author: Member, extra: Record<string, unknown> = {}): Promise<Idea> {
  return (
    await api().post('/api/v1/ideas').set('authorization', author.auth).send(ideaBody(extra)).expect(201)
  ).body;
}

/** A new member's idea, approved by staff: open for votes. */
async function openIdea(author?: Member): Promise<Idea> {
  const idea = await submit(author ?? (await member()));
  await api()
    .post(`/api/v1/admin/ideas/${idea.id}/approve`)
    .set('authorization', marketing)
    .send({})
    .expect(200);
  return idea;
}

const move = (id: string, to: string, auth = marketing) =>
  api()
    .post(`/api/v1/admin/ideas/${id}/status`)
    .set('authorization', auth)
    .send({ to, response: `Now ${to}.` });

const get = async (id: string, auth?: string): Promise<IdeaDetail> => {
  const req = api().get(`/api/v1/ideas/${id}`);
  return (await (auth ? req.set('authorization', auth) : req).expect(200)).body;
};

describe('submitting', () => {
  it('puts a new member’s idea in review, visible only to them and staff, and lets staff approve and trust', async () => {
    const author = await member();
    const idea = await submit(author);
    expect(idea).toMatchObject({ state: 'pending_review', authorId: author.id, followers: 1, votes: 0 });
    expect(idea.authorName).toBe('Test');
    expect(JSON.stringify(idea)).not.toContain(author.email);

    await api().get(`/api/v1/ideas/${idea.id}`).expect(404);
    const other = await member();
    await api().get(`/api/v1/ideas/${idea.id}`).set('authorization', other.auth).expect(404);
    await api().put(`/api/v1/ideas/${idea.id}/vote`).set('authorization', other.auth).expect(404);

    const queue = await api().get('/api/v1/admin/ideas/queue').set('authorization', marketing).expect(200);
    expect(queue.body.items.map((i: { idea: Idea }) => i.idea.id)).toContain(idea.id);

    const approved = await api()
      .post(`/api/v1/admin/ideas/${idea.id}/approve`)
      .set('authorization', marketing)
      .send({ markAuthorTrusted: true })
      .expect(200);
    expect(approved.body.state).toBe('open');
    const seen = await get(idea.id);
    expect(seen.authorId).toBeNull();
    expect(seen.statusHistory.map((c) => [c.from, c.to])).toEqual([
      [null, 'pending_review'],
      ['pending_review', 'open'],
    ]);
    expect(seen.statusHistory[1]!.byName).toBe('Test marketing');

    // Trusted now: the next idea opens at once.
    expect((await submit(author)).state).toBe('open');
  });

  it('refuses the same title and description again with 409 naming the earlier idea, writing nothing', async () => {
    const author = await member();
    const body = ideaBody();
    const first = await api().post('/api/v1/ideas').set('authorization', author.auth).send(body).expect(201);
    const again = await api()
      .post('/api/v1/ideas')
      .set('authorization', author.auth)
      .send({ ...body, title: `  ${body.title.toUpperCase()} ` })
      .expect(409);
    expect(again.body.code).toBe('IDEA_ALREADY_SUBMITTED');
    expect(again.body.detail).toContain(`#${first.body.number}`);
    const [row] = await t.dataSource.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM idea WHERE author_id = $1`,
      [author.id],
    );
    expect(row.n).toBe(1);
  });

  it('limits submissions to 5 an hour with 429 and Retry-After', async () => {
    const author = await member();
    for (let i = 0; i < 5; i += 1) await submit(author);
    const res = await api()
      .post('/api/v1/ideas')
      .set('authorization', author.auth)
      .send(ideaBody())
      .expect(429);
    expect(res.body.code).toBe('RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(3500);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(3600);
  });

  it.each([
    ['an empty title', { title: '' }, 'title'],
    ['a short title', { title: 'Too short' }, 'title'],
    ['an overlong title', { title: 'x'.repeat(121) }, 'title'],
    ['an empty description', { description: '   ' }, 'description'],
    ['an overlong description', { description: 'x'.repeat(5001) }, 'description'],
    ['an unknown category', { category: 'weather' }, 'category'],
    ['six tags', { tags: ['a1', 'b2', 'c3', 'd4', 'e5', 'f6'] }, 'tags'],
  ])('refuses %s with 400 naming the field and writes nothing', async (_name, change, field) => {
    const author = await member();
    const res = await api().post('/api/v1/ideas').set('authorization', author.auth).send(ideaBody(change));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    const [row] = await t.dataSource.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM idea WHERE author_id = $1`,
      [author.id],
    );
    expect(row.n).toBe(0);
  });

  it('stores markup as text and returns it verbatim in JSON (never as HTML)', async () => {
    const author = await member();
    const title = '<script>alert("x")</script> <b>bold</b> idea';
    const idea = await submit(author, { title, description: '<img src=x onerror=alert(1)>' });
    const res = await api().get(`/api/v1/ideas/${idea.id}`).set('authorization', author.auth).expect(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.body.title).toBe(title);
    expect(res.body.description).toBe('<img src=x onerror=alert(1)>');
  });

  it('suggests similar open ideas by word prefix while the title is typed', async () => {
    const idea = await openIdea(undefined);
    const words = (await get(idea.id)).title.split(' ');
    const typed = `${words[0]!} ${words[1]!.slice(0, 4)}`;
    const res = await api().get('/api/v1/ideas/similar').query({ q: typed }).expect(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.length).toBeLessThanOrEqual(5);
    await api().get('/api/v1/ideas/similar').query({ q: 'ab' }).expect(400);
  });
});

describe('the state machine through the API', () => {
  it('walks open → under review → planned → in progress → shipped, recording each response', async () => {
    const idea = await openIdea();
    for (const to of ['under_review', 'planned', 'in_progress', 'shipped']) {
      const res = await move(idea.id, to).expect(200);
      expect(res.body.state).toBe(to);
    }
    const detail = await get(idea.id);
    expect(detail.statusHistory.map((c) => c.to)).toEqual([
      'pending_review',
      'open',
      'under_review',
      'planned',
      'in_progress',
      'shipped',
    ]);
    expect(detail.statusHistory.at(-1)!.response).toBe('Now shipped.');
  });

  it('refuses skipped steps, final states and staff-only targets with 409 or 400, changing nothing', async () => {
    const idea = await openIdea();
    const skipped = await move(idea.id, 'planned').expect(409);
    expect(skipped.body.code).toBe('IDEA_TRANSITION_REFUSED');
    expect(skipped.body.detail).toContain('under review');
    expect((await move(idea.id, 'open').expect(409)).body.code).toBe('IDEA_TRANSITION_REFUSED');
    const target = await move(idea.id, 'pending_review').expect(400);
    expect(target.body.errors[0].field).toBe('to');
    const noResponse = await api()
      .post(`/api/v1/admin/ideas/${idea.id}/status`)
      .set('authorization', marketing)
      .send({ to: 'under_review' })
      .expect(400);
    expect(noResponse.body.errors[0].field).toBe('response');
    expect((await get(idea.id)).state).toBe('open');

    await move(idea.id, 'declined').expect(200);
    expect((await move(idea.id, 'under_review').expect(409)).body.detail).toContain('reopened');
    await move(idea.id, 'open').expect(200);
  });

  it('queues an idea.status_changed webhook for subscribed endpoints, naming the author by id only', async () => {
    const admin = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'admin')).id);
    const endpoint = await api()
      .post('/api/v1/admin/webhooks')
      .set('authorization', admin)
      .send({ url: 'http://127.0.0.1:9/ideas-hook', events: ['idea.status_changed'] })
      .expect(201);
    await t.app.get(WebhookEventsService).refresh();
    try {
      const author = await member();
      const idea = await openIdea(author);
      await move(idea.id, 'under_review').expect(200);
      const rows = await t.dataSource.query<{ body: string }[]>(
        `SELECT body FROM outbox_message WHERE endpoint_id = $1 ORDER BY id`,
        [endpoint.body.id],
      );
      const payloads = rows.map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> });
      expect(payloads.map((p) => p.data.idea)).toEqual([
        { id: idea.id, number: idea.number, from: 'pending_review', to: 'open', duplicateOfId: null },
        { id: idea.id, number: idea.number, from: 'open', to: 'under_review', duplicateOfId: null },
      ]);
      expect(payloads[0]).toMatchObject({ type: 'idea.status_changed', data: { memberId: author.id } });
    } finally {
      await api()
        .delete(`/api/v1/admin/webhooks/${endpoint.body.id}`)
        .set('authorization', admin)
        .expect(204);
      await t.app.get(WebhookEventsService).refresh();
    }
  });

  it('tells followers in-app of each change with the public response', async () => {
    const idea = await openIdea();
    const voter = await member();
    await api().put(`/api/v1/ideas/${idea.id}/vote`).set('authorization', voter.auth).expect(200);
    await move(idea.id, 'under_review').expect(200);
    const notes = await api().get('/api/v1/me/notifications').set('authorization', voter.auth).expect(200);
    expect(notes.body.items[0]).toMatchObject({
      kind: 'idea_status_changed',
      body: 'Now under_review.',
      link: `/ideas/${idea.id}`,
    });
  });
});

describe('voting and following', () => {
  it('counts one vote per member under 20 parallel vote requests, and the vote follows the idea', async () => {
    const idea = await openIdea();
    const voter = await member();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        api().put(`/api/v1/ideas/${idea.id}/vote`).set('authorization', voter.auth),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const seen = await get(idea.id, voter.auth);
    expect(seen).toMatchObject({ votes: 1, viewerVoted: true, viewerFollows: true, followers: 2 });
    const [row] = await t.dataSource.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM idea_vote WHERE idea_id = $1`,
      [idea.id],
    );
    expect(row.n).toBe(1);

    const withdrawn = await api().delete(`/api/v1/ideas/${idea.id}/vote`).set('authorization', voter.auth);
    expect(withdrawn.body).toMatchObject({ votes: 0, viewerVoted: false, viewerFollows: true });
    const unfollowed = await api().delete(`/api/v1/ideas/${idea.id}/follow`).set('authorization', voter.auth);
    expect(unfollowed.body).toMatchObject({ followers: 1, viewerFollows: false });
  });

  it('counts the author’s own vote like any other', async () => {
    const author = await member();
    const idea = await openIdea(author);
    const res = await api()
      .put(`/api/v1/ideas/${idea.id}/vote`)
      .set('authorization', author.auth)
      .expect(200);
    expect(res.body.votes).toBe(1);
  });

  it('refuses votes and withdrawals on a shipped or declined idea with 409', async () => {
    const idea = await openIdea();
    const voter = await member();
    await api().put(`/api/v1/ideas/${idea.id}/vote`).set('authorization', voter.auth).expect(200);
    await move(idea.id, 'declined').expect(200);
    const late = await member();
    const res = await api().put(`/api/v1/ideas/${idea.id}/vote`).set('authorization', late.auth).expect(409);
    expect(res.body.code).toBe('IDEA_NOT_VOTABLE');
    await api().delete(`/api/v1/ideas/${idea.id}/vote`).set('authorization', voter.auth).expect(409);
    expect((await get(idea.id)).votes).toBe(1);
  });

  it('sorts by top, new and trending with keyset cursors that walk every idea once', async () => {
    const tag = `sort-${Math.random().toString(36).slice(2, 8)}`;
    const ideas: Idea[] = [];
    for (let i = 0; i < 5; i += 1) ideas.push(await openIdea());
    for (const idea of ideas)
      await api()
        .put(`/api/v1/admin/ideas/${idea.id}/tags`)
        .set('authorization', marketing)
        .send({ tags: [tag] });
    const voters = await Promise.all([member(), member(), member()]);
    // idea 0 gets 3 votes, idea 1 gets 2, idea 2 gets 1.
    for (const [i, n] of [
      [0, 3],
      [1, 2],
      [2, 1],
    ] as const)
      for (const v of voters.slice(0, n))
        await api().put(`/api/v1/ideas/${ideas[i]!.id}/vote`).set('authorization', v.auth).expect(200);

    for (const sort of ['top', 'new', 'trending'] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: Record<string, string> = { sort, tag, limit: '2', ...(cursor ? { cursor } : {}) };
        const page: IdeaPage = (await api().get('/api/v1/ideas').query(query).expect(200)).body;
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(5);
      if (sort === 'new') expect(seen).toEqual(ideas.map((i) => i.id).reverse());
      else expect(seen.slice(0, 3)).toEqual([ideas[0]!.id, ideas[1]!.id, ideas[2]!.id]);
    }
    const searched = await api().get('/api/v1/ideas').query({ tag, state: 'declined' }).expect(200);
    expect(searched.body.items).toEqual([]);
    await api().get('/api/v1/ideas').query({ sort: 'new', cursor: 'bogus' }).expect(400);
  });
});

describe('comments, flags and moderation', () => {
  it('keeps comments as text, marks staff answers, and does not follow for commenting', async () => {
    const idea = await openIdea();
    const commenter = await member();
    const body = '<script>alert(1)</script> nice';
    const c = await api()
      .post(`/api/v1/ideas/${idea.id}/comments`)
      .set('authorization', commenter.auth)
      .send({ body })
      .expect(201);
    expect(c.body).toMatchObject({ body, staffAnswer: false, authorName: 'Test' });
    await api()
      .post(`/api/v1/admin/ideas/${idea.id}/answers`)
      .set('authorization', marketing)
      .send({ body: 'We are looking at this.' })
      .expect(201);
    const detail = await get(idea.id, commenter.auth);
    expect(detail.comments.items.map((i) => [i.body, i.staffAnswer])).toEqual([
      [body, false],
      ['We are looking at this.', true],
    ]);
    expect(detail).toMatchObject({ commentCount: 2, viewerFollows: false });
    await api()
      .post(`/api/v1/ideas/${idea.id}/comments`)
      .set('authorization', commenter.auth)
      .send({ body: ' ' })
      .expect(400);
  });

  it('takes one flag per member and sends an open idea back to review at three', async () => {
    const idea = await openIdea();
    const flaggers = await Promise.all([member(), member(), member()]);
    const flag = (m: Member) =>
      api().post(`/api/v1/ideas/${idea.id}/flags`).set('authorization', m.auth).send({ reason: 'spam' });
    expect((await flag(flaggers[0]).expect(201)).body).toEqual({ flags: 1, returnedToReview: false });
    expect((await flag(flaggers[0]).expect(409)).body.code).toBe('IDEA_ALREADY_FLAGGED');
    await flag(flaggers[1]).expect(201);
    expect((await flag(flaggers[2]).expect(201)).body).toEqual({ flags: 3, returnedToReview: true });
    expect((await get(idea.id, marketing)).state).toBe('pending_review');
    const queue = await api()
      .get('/api/v1/admin/ideas/queue')
      .query({ reason: 'flagged' })
      .set('authorization', marketing)
      .expect(200);
    const item = queue.body.items.find((i: { idea: Idea }) => i.idea.id === idea.id);
    expect(item).toMatchObject({ flagCount: 3, reason: 'pending_review' });
    expect(item.flags).toHaveLength(3);
  });

  it('declines as spam and blocks the author from submitting, commenting and voting; all audited', async () => {
    const author = await member();
    const idea = await submit(author);
    const other = await openIdea();
    await api()
      .post(`/api/v1/admin/ideas/${idea.id}/decline-spam`)
      .set('authorization', marketing)
      .send({})
      .expect(200);
    expect(
      (await api().post('/api/v1/ideas').set('authorization', author.auth).send(ideaBody()).expect(403)).body
        .code,
    ).toBe('MEMBER_BLOCKED');
    await api().put(`/api/v1/ideas/${other.id}/vote`).set('authorization', author.auth).expect(403);
    await api()
      .post(`/api/v1/ideas/${other.id}/comments`)
      .set('authorization', author.auth)
      .send({ body: 'hi' })
      .expect(403);
    const audit = await t.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id`,
      [idea.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['idea.declined_as_spam']);
  });

  it('refuses moderation to members and cashiers', async () => {
    const idea = await openIdea();
    const m = await member();
    for (const auth of [m.auth, cashier]) {
      await api().get('/api/v1/admin/ideas/queue').set('authorization', auth).expect(403);
      await move(idea.id, 'under_review', auth).expect(403);
      await api()
        .post(`/api/v1/admin/ideas/${idea.id}/merge`)
        .set('authorization', auth)
        .send({ targetId: idea.id, response: 'dup' })
        .expect(403);
    }
    // Staff do not vote or submit: those are a member's own actions.
    await api().put(`/api/v1/ideas/${idea.id}/vote`).set('authorization', marketing).expect(403);
  });
});

describe('merging duplicates', () => {
  it('moves votes and followers without counting anyone twice, and tells those people', async () => {
    const source = await openIdea();
    const target = await openIdea();
    const both = await member();
    const onlySource = await member();
    const onlyTarget = await member();
    for (const m of [both, onlySource])
      await api().put(`/api/v1/ideas/${source.id}/vote`).set('authorization', m.auth).expect(200);
    for (const m of [both, onlyTarget])
      await api().put(`/api/v1/ideas/${target.id}/vote`).set('authorization', m.auth).expect(200);

    const res = await api()
      .post(`/api/v1/admin/ideas/${source.id}/merge`)
      .set('authorization', marketing)
      .send({ targetId: target.id, response: 'Same idea as the other one.' })
      .expect(200);
    expect(res.body.idea).toMatchObject({ state: 'duplicate', votes: 0, duplicateOf: { id: target.id } });
    // both + onlySource + onlyTarget: three distinct voters, not four.
    expect(res.body.target.votes).toBe(3);
    expect(res.body.votesMoved).toBe(1);
    const [row] = await t.dataSource.query<[{ n: number; d: number }]>(
      `SELECT count(*)::int AS n, count(DISTINCT member_id)::int AS d FROM idea_vote WHERE idea_id = $1`,
      [target.id],
    );
    expect(row).toEqual({ n: 3, d: 3 });

    const notes = await api()
      .get('/api/v1/me/notifications')
      .set('authorization', onlySource.auth)
      .expect(200);
    expect(notes.body.items[0]).toMatchObject({ kind: 'idea_merged', link: `/ideas/${target.id}` });
    expect((await get(target.id, onlySource.auth)).viewerVoted).toBe(true);

    const again = await api()
      .post(`/api/v1/admin/ideas/${source.id}/merge`)
      .set('authorization', marketing)
      .send({ targetId: target.id, response: 'again' })
      .expect(409);
    expect(again.body.code).toBe('IDEA_TRANSITION_REFUSED');
    const self = await api()
      .post(`/api/v1/admin/ideas/${target.id}/merge`)
      .set('authorization', marketing)
      .send({ targetId: target.id, response: 'self' })
      .expect(422);
    expect(self.body.errors[0].field).toBe('targetId');
  });
});

describe('the API document', () => {
  it('describes every ideas route from its zod schemas', async () => {
    const doc = (await api().get('/api/docs/openapi.json').expect(200)).body as {
      paths: Record<string, object>;
    };
    const paths = Object.keys(doc.paths).filter((p) => p.includes('ideas'));
    expect(paths.sort()).toEqual(
      [
        '/api/v1/admin/ideas/queue',
        '/api/v1/admin/ideas/{id}/answers',
        '/api/v1/admin/ideas/{id}/approve',
        '/api/v1/admin/ideas/{id}/decline-spam',
        '/api/v1/admin/ideas/{id}/merge',
        '/api/v1/admin/ideas/{id}/rewards',
        '/api/v1/admin/ideas/{id}/status',
        '/api/v1/admin/ideas/{id}/tags',
        '/api/v1/ideas',
        '/api/v1/ideas/roadmap',
        '/api/v1/ideas/similar',
        '/api/v1/ideas/wall',
        '/api/v1/ideas/{id}',
        '/api/v1/ideas/{id}/comments',
        '/api/v1/ideas/{id}/flags',
        '/api/v1/ideas/{id}/follow',
        '/api/v1/ideas/{id}/vote',
        '/api/v1/me/ideas/impact',
      ].sort(),
    );
  });
});

describe('the daily digest', () => {
  it('emails each follower one summary of the day’s changes, once however often the job runs', async () => {
    const idea = await openIdea();
    const follower = await member();
    await api().put(`/api/v1/ideas/${idea.id}/follow`).set('authorization', follower.auth).expect(200);
    await move(idea.id, 'under_review').expect(200);
    await move(idea.id, 'planned').expect(200);
    const tomorrow = new Date(Date.now() + 86_400_000);
    const ideas = t.app.get(IdeasService);
    await ideas.sendDigests(tomorrow);
    await ideas.sendDigests(tomorrow);
    const mails = await t.dataSource.query<{ subject: string; body: string }[]>(
      `SELECT subject, body FROM outbox_message WHERE recipient = $1 AND template = 'idea_digest'`,
      [follower.email],
    );
    expect(mails).toHaveLength(1);
    // The day's changes: approved (→ open), under review, planned.
    expect(mails[0]!.subject).toContain('3 updates');
    expect(mails[0]!.body).toContain('waiting for review → open');
    expect(mails[0]!.body).toContain('under review → planned');
  });
});
