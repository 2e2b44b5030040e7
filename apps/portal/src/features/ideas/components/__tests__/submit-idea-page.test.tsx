/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { Idea, IdeaDetail, IdeaSummary, SimilarIdeas } from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import { renderPage, sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { idea, ideaDetail, member } from '../../../../test/fixtures';
import { IdeaDetailPage } from '../idea-detail-page';
import { SubmitIdeaPage, splitTags } from '../submit-idea-page';

const similarOat: IdeaSummary = {
  id: idea.id,
  number: idea.number,
  title: idea.title,
  category: idea.category,
  state: 'open',
  votes: 41,
  authorName: 'Bea',
  lastStatusChangeAt: idea.lastStatusChangeAt,
};

const submitted: Idea = {
  ...idea,
  id: '2c3d4e5f-6a7b-4c8d-9e0f-a1b2c3d4e5f6',
  number: 13,
  title: 'Refill station for washing-up liquid',
  state: 'pending_review',
  authorName: 'Ada',
  authorId: member.id,
  votes: 0,
  commentCount: 0,
  tags: ['refill'],
};

type Problem = {
  code: string;
  title: string;
  detail?: string;
  errors?: { field: string; message: string }[];
};

describe('submit an idea page', () => {
  let server: TestServer;
  let submitAnswer: (body: Record<string, unknown>) => [number, unknown];

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/auth/session': (_req, res) => sendJson(res, 200, member),
      'GET /api/v1/ideas/similar': (req, res) => {
        const q = new URL(req.url, 'http://localhost').searchParams.get('q') ?? '';
        const body: SimilarIdeas = { items: /oat/i.test(q) ? [similarOat] : [] };
        sendJson(res, 200, body);
      },
      'POST /api/v1/ideas': (req, res) => {
        const [status, body] = submitAnswer(JSON.parse(req.body) as Record<string, unknown>);
        if (status >= 400) sendProblem(res, status, body as Problem);
        else sendJson(res, status, body);
      },
      [`GET /api/v1/ideas/${submitted.id}`]: (_req, res) =>
        sendJson(res, 200, {
          ...submitted,
          statusHistory: [],
          comments: { items: [], nextCursor: null },
        } satisfies IdeaDetail),
      [`GET /api/v1/ideas/${idea.id}`]: (_req, res) => sendJson(res, 200, ideaDetail),
    });
  });
  beforeEach(() => {
    submitAnswer = () => [201, submitted];
    server.requests.length = 0;
  });
  afterAll(() => server.close());

  const renderSubmit = () =>
    renderPage(
      <Routes>
        <Route path="/ideas/new" element={<SubmitIdeaPage />} />
        <Route path="/ideas/:id" element={<IdeaDetailPage />} />
      </Routes>,
      { apiClient: createTallyApiClient('portal', { baseUrl: server.baseUrl }), path: '/ideas/new' },
    );
  const type = (label: string, value: string) =>
    fireEvent.change(screen.getByLabelText(label, { exact: false }), { target: { value } });
  const fillIn = () => {
    type('Title', 'Refill station for washing-up liquid');
    type('Description', 'Bring your own bottle and fill it in store.');
    fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'sustainability' } });
    type('Tags', 'refill, Plastic-Free');
  };
  const posts = () => server.requests.filter((r) => r.method === 'POST');
  const similarQueries = () =>
    server.requests
      .filter((r) => r.url.startsWith('/api/v1/ideas/similar'))
      .map((r) => new URL(r.url, 'http://localhost').searchParams.get('q'));
  const describedBy = (label: string) => {
    const ids = screen.getByLabelText(label, { exact: false }).getAttribute('aria-describedby') ?? '';
    return ids
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
  };
  const currentPath = () => screen.getByRole('status', { name: 'Current path' }).textContent;

  it('suggests similar ideas while the title is typed, once typing pauses', async () => {
    renderSubmit();
    type('Title', 'Oa');
    type('Title', 'Oat m');
    type('Title', 'Oat milk please');
    const suggestions = await screen.findByRole('region', {
      name: 'Is it one of these? Vote for it instead',
    });
    const link = within(suggestions).getByRole('link', { name: 'Oat milk in every store' });
    expect(link.getAttribute('href')).toBe(`/ideas/${idea.id}`);
    expect(suggestions.textContent).toContain('41 votes');
    expect(screen.getByText('1 similar idea found below the title.')).toBeTruthy();
    expect(similarQueries()).toEqual(['Oat milk please']);

    type('Title', 'Refill station for washing-up liquid');
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Is it one of these? Vote for it instead' })).toBeNull(),
    );
  });

  it('asks for nothing while the title is shorter than the search needs', async () => {
    renderSubmit();
    type('Title', 'Oa');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(similarQueries()).toEqual([]);
  });

  it('hints at the title’s minimum length as it is typed and refuses a short one before sending', async () => {
    renderSubmit();
    expect(describedBy('Title')).toContain('Between 10 and 120 characters');
    type('Title', 'Oat milk');
    expect(describedBy('Title')).toContain('2 more needed');
    fireEvent.click(screen.getByRole('button', { name: 'Submit idea' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Title must be at least 10 characters');
    expect(summary.textContent).toContain('Description is required');
    expect(summary.textContent).toContain('Category');
    expect(screen.getByLabelText('Title', { exact: false }).getAttribute('aria-invalid')).toBe('true');
    expect(posts()).toHaveLength(0);
  });

  it('sends the idea with its tags and opens it, saying it waits for review', async () => {
    renderSubmit();
    fillIn();
    fireEvent.click(screen.getByRole('button', { name: 'Submit idea' }));
    expect(await screen.findByText('Thank you for your idea!')).toBeTruthy();
    expect(currentPath()).toBe(`/ideas/${submitted.id}`);
    expect(screen.getByText(/Your idea is waiting for review/).textContent).toContain('only you can see it');
    expect(JSON.parse(posts()[0]?.body ?? '')).toEqual({
      title: 'Refill station for washing-up liquid',
      description: 'Bring your own bottle and fill it in store.',
      category: 'sustainability',
      tags: ['refill', 'plastic-free'],
    });
  });

  it('shows the API’s field errors beside their fields', async () => {
    submitAnswer = () => [
      400,
      {
        code: 'VALIDATION_FAILED',
        title: 'The request is not valid',
        errors: [
          { field: 'description', message: 'must not contain control characters' },
          { field: 'tags.1', message: 'must be lower-case letters, digits and single dashes' },
        ],
      },
    ];
    renderSubmit();
    fillIn();
    fireEvent.click(screen.getByRole('button', { name: 'Submit idea' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('The request is not valid');
    expect(describedBy('Description')).toContain('Description must not contain control characters');
    expect(describedBy('Tags')).toContain('Tags must be lower-case letters, digits and single dashes');
    expect(screen.getByLabelText('Description', { exact: false }).getAttribute('aria-invalid')).toBe('true');
  });

  it('says clearly when the member submitted too many ideas this hour', async () => {
    submitAnswer = () => [
      429,
      {
        code: 'RATE_LIMITED',
        title: 'Too many requests',
        detail: 'You can post at most 5 ideas an hour; try again in 12 minutes.',
      },
    ];
    renderSubmit();
    fillIn();
    fireEvent.click(screen.getByRole('button', { name: 'Submit idea' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('You have submitted a lot of ideas in the last hour');
    expect(summary.textContent).toContain('try again in 12 minutes');
    expect(screen.getByLabelText<HTMLInputElement>('Title', { exact: false }).value).toBe(
      'Refill station for washing-up liquid',
    );
  });

  it('says the same idea was already submitted, beside the title', async () => {
    submitAnswer = () => [
      409,
      {
        code: 'IDEA_ALREADY_SUBMITTED',
        title: 'You already submitted this idea',
        detail: `You already submitted this idea as #13 (${submitted.id}).`,
      },
    ];
    renderSubmit();
    fillIn();
    fireEvent.click(screen.getByRole('button', { name: 'Submit idea' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('You already submitted this idea');
    expect(summary.textContent).toContain('My impact');
    expect(describedBy('Title')).toContain('You already submitted this idea');
  });
});

describe(splitTags.name, () => {
  it.each([
    ['refill, plastic-free', ['refill', 'plastic-free']],
    ['  app   online ', ['app', 'online']],
    ['', []],
  ])('reads %j as %j', (text, tags) => {
    expect(splitTags(text)).toEqual(tags);
  });
});
