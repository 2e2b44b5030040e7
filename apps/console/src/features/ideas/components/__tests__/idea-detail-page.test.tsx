/**
 * @jest-environment @tally/ui/jest-environment
 */
import {
  DEFAULT_PROGRAMME,
  type IdeaComment,
  type IdeaDetail,
  type IdeaReward,
  type IdeaState,
} from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import { renderPage, sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AppRoutes } from '../../../../app/routes';
import { staffUser } from '../../../../test/fixtures';
import { IDEA_ID, TARGET_ID, idea, ideaDetail, target } from '../../testing/fixtures';

const MISSING_ID = '0f0e0d0c-0b0a-4909-8807-060504030201';

/** An accepted bonus of 250 points recorded when the idea was planned, released on 3 April. */
const reward = (overrides: Partial<IdeaReward>): IdeaReward => ({
  kind: 'accepted',
  state: 'pending',
  points: 250,
  cappedPoints: 0,
  availableAt: '2026-04-03T12:00:00.000Z',
  createdAt: '2026-03-04T12:00:00.000Z',
  ...overrides,
});

type Problem = {
  status: number;
  code: string;
  title: string;
  detail?: string;
  errors?: { field: string; message: string }[];
};

describe('idea detail page', () => {
  let server: TestServer;
  let stored: IdeaDetail;
  let comments: IdeaComment[];
  let refusal: Problem | null;
  /** The author's bonuses the API holds; `rewardsDown` answers their read with a 500. */
  let rewards: IdeaReward[];
  let rewardsDown: boolean;

  const answer =
    (body: unknown) =>
    (res: Parameters<typeof sendJson>[0], status = 200) =>
      refusal ? sendProblem(res, refusal.status, refusal) : sendJson(res, status, body);

  beforeAll(async () => {
    const admin = `/api/v1/admin/ideas/${IDEA_ID}`;
    server = await startTestServer({
      'GET /api/v1/auth/session': (_req, res) => sendJson(res, 200, staffUser('marketing')),
      'GET /api/v1/stores': (_req, res) => sendJson(res, 200, []),
      'GET /api/v1/programme': (_req, res) => sendJson(res, 200, DEFAULT_PROGRAMME),
      [`GET /api/v1/ideas/${IDEA_ID}`]: (_req, res) => sendJson(res, 200, stored),
      [`GET /api/v1/ideas/${MISSING_ID}`]: (_req, res) =>
        sendProblem(res, 404, { code: 'IDEA_NOT_FOUND', title: 'Idea not found' }),
      [`GET /api/v1/ideas/${IDEA_ID}/comments`]: (_req, res) =>
        sendJson(res, 200, { items: comments, nextCursor: null }),
      // The merge search: the idea itself matches too, and the page leaves it out.
      'GET /api/v1/ideas': (_req, res) =>
        sendJson(res, 200, { items: [target, idea({ state: stored.state })], nextCursor: null }),
      [`GET ${admin}/rewards`]: (_req, res) =>
        rewardsDown
          ? sendProblem(res, 500, { code: 'INTERNAL', title: 'Internal error' })
          : sendJson(res, 200, { ideaId: IDEA_ID, rewards }),
      [`POST ${admin}/status`]: (req, res) => {
        const { to } = JSON.parse(req.body) as { to: IdeaState };
        if (!refusal) stored = { ...stored, state: to };
        // As the API does: reaching planned records the author's pending accepted bonus.
        if (!refusal && to === 'planned') rewards = [reward({ kind: 'accepted', state: 'pending' })];
        answer(idea({ state: to }))(res);
      },
      [`POST ${admin}/merge`]: (_req, res) => {
        if (!refusal)
          stored = {
            ...stored,
            state: 'duplicate',
            duplicateOf: { id: TARGET_ID, number: 7, title: target.title },
          };
        answer({
          idea: idea({ state: 'duplicate' }),
          target: { ...target, votes: 41, followers: 45 },
          votesMoved: 11,
          followersMoved: 14,
        })(res);
      },
      [`PUT ${admin}/tags`]: (req, res) => {
        const { tags } = JSON.parse(req.body) as { tags: string[] };
        stored = { ...stored, tags };
        answer(idea({ tags }))(res);
      },
      [`POST ${admin}/answers`]: (req, res) => {
        const created: IdeaComment = {
          id: '9c0d1e2f-3a4b-4c5d-8e6f-8091a2b3c4d5',
          body: (JSON.parse(req.body) as { body: string }).body,
          authorName: 'Mia Marketing',
          staffAnswer: true,
          createdAt: '2026-03-04T12:00:00.000Z',
        };
        comments = [...comments, created];
        answer(created)(res, 201);
      },
    });
  });

  beforeEach(() => {
    stored = ideaDetail();
    comments = stored.comments.items;
    refusal = null;
    rewards = [];
    rewardsDown = false;
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  const renderDetail = async () => {
    renderPage(<AppRoutes />, {
      apiClient: createTallyApiClient('console', { baseUrl: server.baseUrl }),
      path: `/ideas/${IDEA_ID}`,
    });
    await screen.findByRole('heading', { level: 1, name: '#42 Paper bags at every till' }, { timeout: 5000 });
  };
  const moves = () => {
    const group = screen.queryByRole('group', { name: 'Status actions' });
    return group
      ? within(group)
          .getAllByRole('button')
          .map((b) => b.textContent)
      : [];
  };
  const writes = () => server.requests.filter((r) => r.method !== 'GET');

  it.each<[IdeaState, string[], boolean]>([
    ['pending_review', ['Open for votes', 'Decline'], true],
    ['open', ['Start reviewing', 'Decline'], true],
    ['under_review', ['Plan it', 'Decline'], true],
    ['planned', ['Start work', 'Decline'], true],
    ['in_progress', ['Mark shipped', 'Decline'], true],
    ['shipped', [], false],
    ['declined', ['Reopen'], false],
  ])(
    'offers a %s idea only the moves the state machine allows: %j (merge offered: %s)',
    async (state, expected, mergeable) => {
      stored = ideaDetail({ state });
      await renderDetail();
      expect(moves()).toEqual(expected);
      expect(screen.queryByRole('button', { name: 'Merge into another idea…' }) !== null).toBe(mergeable);
    },
    15_000,
  );

  it('says a shipped idea is final and a merged one points to its target, with no moves', async () => {
    stored = ideaDetail({
      state: 'duplicate',
      duplicateOf: { id: TARGET_ID, number: 7, title: target.title },
    });
    await renderDetail();
    expect(moves()).toEqual([]);
    expect(screen.getByText(/A merged idea is final/).textContent).toContain('#7');
    const merge = screen.getByRole('region', { name: 'Merge as a duplicate' });
    expect(within(merge).getByRole('link', { name: '#7 No more plastic bags' }).getAttribute('href')).toBe(
      `/ideas/${TARGET_ID}`,
    );
  });

  it('requires a public response before moving the idea, then sends the move and shows the new state', async () => {
    stored = ideaDetail({ state: 'under_review' });
    await renderDetail();
    fireEvent.click(screen.getByRole('button', { name: 'Plan it' }));
    const form = screen.getByRole('form', { name: 'Plan it: #42 Paper bags at every till' });
    expect(form.textContent).toContain('From under review to planned.');
    expect(await within(form).findByText(/accepted bonus: 250 points, pending for 30 days/)).toBeTruthy();

    fireEvent.click(within(form).getByRole('button', { name: 'Confirm: planned' }));
    const response = within(form).getByLabelText('Public response');
    expect(response.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByRole('alert').textContent).toContain(
      'Public response must be at least 3 characters',
    );
    expect(writes()).toHaveLength(0);

    fireEvent.change(response, { target: { value: 'We will trial paper bags in London from May.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm: planned' }));

    const done = await screen.findByText('#42 Paper bags at every till is now planned.');
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(writes().map((r) => [r.method, r.url, JSON.parse(r.body)])).toEqual([
      [
        'POST',
        `/api/v1/admin/ideas/${IDEA_ID}/status`,
        { to: 'planned', response: 'We will trial paper bags in London from May.' },
      ],
    ]);
    // The page reads the idea again: the next moves are planned's.
    await waitFor(() => expect(moves()).toEqual(['Start work', 'Decline']));
  });

  it('shows the API’s refusal when the idea moved meanwhile, and Cancel closes the form', async () => {
    refusal = {
      status: 409,
      code: 'IDEA_TRANSITION_REFUSED',
      title: 'The idea cannot make that change from its state',
      detail: 'A declined idea can only be reopened (to open)',
    };
    await renderDetail();
    fireEvent.click(screen.getByRole('button', { name: 'Start reviewing' }));
    const form = screen.getByRole('form', { name: /^Start reviewing: / });
    fireEvent.change(within(form).getByLabelText('Public response'), { target: { value: 'Looking at it' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm: under review' }));
    const summary = await within(form).findByRole('alert');
    expect(summary.textContent).toContain('The idea cannot make that change from its state');
    expect(summary.textContent).toContain('A declined idea can only be reopened (to open)');

    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: /^Start reviewing: / })).toBeNull();
  });

  it('merges into an idea found by search, explaining that votes move and nobody counts twice', async () => {
    await renderDetail();
    fireEvent.click(screen.getByRole('button', { name: 'Merge into another idea…' }));
    const form = screen.getByRole('form', { name: 'Merge #42 Paper bags at every till' });
    const note = within(form).getByRole('note', { name: 'What merging does' });
    expect(note.textContent).toContain('Its 12 votes and 15 followers move there');
    expect(note.textContent).toContain('counted once, never twice');

    // Nothing chosen yet, no response: refused before sending.
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm merge' }));
    expect(
      within(form).getByRole('group', { name: 'Idea to merge into' }).getAttribute('aria-describedby'),
    ).toBeTruthy();
    expect(within(form).getByLabelText('Public response').getAttribute('aria-invalid')).toBe('true');
    expect(writes()).toHaveLength(0);

    fireEvent.change(screen.getByRole('searchbox', { name: 'Find the idea it duplicates' }), {
      target: { value: 'plastic' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    const choice = await within(form).findByLabelText(/^#7 No more plastic bags/);
    expect(server.requests.find((r) => r.url.startsWith('/api/v1/ideas?'))?.url).toBe(
      '/api/v1/ideas?q=plastic&sort=top&limit=20&state=open%2Cunder_review%2Cplanned%2Cin_progress',
    );
    // The idea itself is never offered as its own target.
    expect(within(form).getAllByRole('radio')).toHaveLength(1);
    fireEvent.click(choice);
    expect(note.textContent).toContain('becomes a duplicate of #7 No more plastic bags');
    fireEvent.change(within(form).getByLabelText('Public response'), {
      target: { value: 'Same idea as #7: your votes are there now.' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm merge' }));

    expect((await screen.findByText(/^Merged into/, { selector: 'p' })).textContent).toBe(
      'Merged into #7 No more plastic bags: 11 votes and 14 followers moved (members already there were counted once). It now has 41 votes and 45 followers.',
    );
    expect(writes().map((r) => [r.url, JSON.parse(r.body)])).toEqual([
      [
        `/api/v1/admin/ideas/${IDEA_ID}/merge`,
        { targetId: TARGET_ID, response: 'Same idea as #7: your votes are there now.' },
      ],
    ]);
    await waitFor(() => expect(moves()).toEqual([]));
  });

  it('shows a refused merge target beside the choice', async () => {
    refusal = {
      status: 422,
      code: 'IDEA_MERGE_REFUSED',
      title: 'The idea cannot be merged into that one',
      errors: [
        { field: 'targetId', message: 'is shipped: merge only into an idea that is open or further along' },
      ],
    };
    await renderDetail();
    fireEvent.click(screen.getByRole('button', { name: 'Merge into another idea…' }));
    const form = screen.getByRole('form', { name: 'Merge #42 Paper bags at every till' });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Find the idea it duplicates' }), {
      target: { value: 'plastic' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    fireEvent.click(await within(form).findByLabelText(/^#7 No more plastic bags/));
    fireEvent.change(within(form).getByLabelText('Public response'), { target: { value: 'Same idea' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm merge' }));

    const group = await within(form).findByRole('group', { name: 'Idea to merge into' });
    await waitFor(() =>
      expect(group.textContent).toContain(
        'Idea to merge into is shipped: merge only into an idea that is open or further along',
      ),
    );
    expect(within(form).getByRole('alert').textContent).toContain('The idea cannot be merged into that one');
  });

  it('saves tags as lower-case slugs and refuses one that is not', async () => {
    await renderDetail();
    const form = screen.getByRole('form', { name: 'Edit tags' });
    const tags = within(form).getByLabelText(/^Tags/);
    fireEvent.change(tags, { target: { value: 'bags, no_underscores' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save tags' }));
    expect(tags.getAttribute('aria-invalid')).toBe('true');
    expect(writes()).toHaveLength(0);

    fireEvent.change(tags, { target: { value: 'Bags, paper  click-and-collect' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save tags' }));
    expect(await within(form).findByText('Tags saved: bags, paper, click-and-collect.')).toBeTruthy();
    expect(writes().map((r) => [r.method, r.url, JSON.parse(r.body)])).toEqual([
      ['PUT', `/api/v1/admin/ideas/${IDEA_ID}/tags`, { tags: ['bags', 'paper', 'click-and-collect'] }],
    ]);
  });

  it('posts a staff answer, which the comments then show marked as such', async () => {
    await renderDetail();
    const list = screen.getByRole('list', { name: 'Comments' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining('Yes please!')]);
    const form = screen.getByRole('form', { name: 'Answer as staff' });
    fireEvent.click(within(form).getByRole('button', { name: 'Post answer' }));
    expect(within(form).getByLabelText('Staff answer').getAttribute('aria-invalid')).toBe('true');
    expect(writes()).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText('Staff answer'), {
      target: { value: 'We are talking to suppliers.' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Post answer' }));
    expect(await within(form).findByText(/^Answer posted/)).toBeTruthy();
    expect(writes().map((r) => [r.url, JSON.parse(r.body)])).toEqual([
      [`/api/v1/admin/ideas/${IDEA_ID}/answers`, { body: 'We are talking to suppliers.' }],
    ]);
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Comments' }))
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual([
        expect.stringContaining('Yes please!'),
        expect.stringMatching(/^Mia Marketing Staff answer .*We are talking to suppliers\.$/),
      ]),
    );
    expect(within(form).getByLabelText<HTMLTextAreaElement>('Staff answer').value).toBe('');
  });

  it('shows the status history newest first, with who moved it and the response', async () => {
    await renderDetail();
    const history = screen.getByRole('list', { name: 'Status history' });
    const entries = within(history)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatch(
      /^Waiting for review → Open .* · Mia MarketingThanks! Your idea is now open for votes\.$/,
    );
    expect(entries[1]).toMatch(/^Waiting for review .* · submitted by the authorSubmitted; /);
  });

  it('says plainly when the idea does not exist', async () => {
    renderPage(<AppRoutes />, {
      apiClient: createTallyApiClient('console', { baseUrl: server.baseUrl }),
      path: `/ideas/${MISSING_ID}`,
    });
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent).toContain('Idea not found');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Idea');
  });

  describe('author’s bonuses', () => {
    const bonuses = () => screen.getByRole('region', { name: 'Author’s bonuses' });
    const bonusList = async () => {
      await within(bonuses()).findAllByRole('term', {}, { timeout: 5000 });
      return bonuses().querySelector('dl')!;
    };

    it('shows each bonus with its state: pending until its release date, paid with what the cap held back', async () => {
      rewards = [
        reward({ kind: 'accepted', state: 'pending' }),
        reward({ kind: 'shipped', state: 'available', points: 400, cappedPoints: 600, availableAt: null }),
      ];
      await renderDetail();
      const list = await bonusList();
      const terms = within(list)
        .getAllByRole('term')
        .map((t) => t.textContent);
      const details = within(list)
        .getAllByRole('definition')
        .map((d) => d.textContent);
      expect(terms).toEqual(['Accepted bonus (planned)', 'Shipped bonus']);
      expect(details[0]).toMatch(/^250 points pending until /);
      expect(
        within(list).getAllByRole('definition')[0]!.querySelector('time')?.getAttribute('dateTime'),
      ).toBe('2026-04-03T12:00:00.000Z');
      expect(details[1]).toBe('400 points paid; 600 points held back by the quarterly cap');
      expect(server.requests.map((r) => r.url)).toContain(`/api/v1/admin/ideas/${IDEA_ID}/rewards`);
    });

    it('names a cancelled bonus and one the cap left nothing of', async () => {
      rewards = [
        reward({ kind: 'accepted', state: 'cancelled' }),
        reward({ kind: 'shipped', state: 'capped', points: 0, cappedPoints: 1000, availableAt: null }),
      ];
      await renderDetail();
      const list = await bonusList();
      expect(
        within(list)
          .getAllByRole('definition')
          .map((d) => d.textContent),
      ).toEqual([
        '250 points cancelled: the idea was declined or merged within the hold',
        'Nothing paid: the quarterly cap held back 1,000 points',
      ]);
    });

    it('says when there is no bonus yet, and shows the pending one once the idea is planned', async () => {
      stored = ideaDetail({ state: 'under_review' });
      await renderDetail();
      expect(await within(bonuses()).findByText(/No bonus yet/, {}, { timeout: 5000 })).toBeTruthy();

      fireEvent.click(screen.getByRole('button', { name: 'Plan it' }));
      const form = screen.getByRole('form', { name: 'Plan it: #42 Paper bags at every till' });
      fireEvent.change(within(form).getByLabelText('Public response'), {
        target: { value: 'We will trial paper bags in London from May.' },
      });
      fireEvent.click(within(form).getByRole('button', { name: 'Confirm: planned' }));
      await waitFor(
        () => expect(bonuses().querySelector('dd')?.textContent).toMatch(/^250 points pending until /),
        { timeout: 5000 },
      );
      expect(within(bonuses()).queryByText(/No bonus yet/)).toBeNull();
    }, 15_000);

    it('says loading, then shows the error with Try again, which reads them again', async () => {
      rewardsDown = true;
      await renderDetail();
      const region = bonuses();
      const alert = await within(region).findByRole('alert', {}, { timeout: 5000 });
      expect(alert.textContent).toContain('Internal error');
      // The rest of the page stays usable.
      expect(moves()).toEqual(['Start reviewing', 'Decline']);

      rewardsDown = false;
      rewards = [reward({ kind: 'accepted', state: 'available' })];
      fireEvent.click(within(region).getByRole('button', { name: 'Try again' }));
      expect(await within(region).findByText('250 points paid', {}, { timeout: 5000 })).toBeTruthy();
      expect(within(region).queryByRole('alert')).toBeNull();
    });
  });
});
