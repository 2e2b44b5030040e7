/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { Idea, IdeaPage } from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import { renderPage, sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { idea, member } from '../../../../test/fixtures';
import { IdeasBoardPage } from '../ideas-board-page';

const planned: Idea = {
  ...idea,
  id: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
  number: 7,
  title: 'Click and collect lockers',
  state: 'planned',
  tags: [],
  votes: 1,
  commentCount: 1,
  viewerVoted: true,
};
const older: Idea = { ...idea, id: '1b2c3d4e-5f6a-4b7c-9d8e-9f0a1b2c3d4e', number: 3, title: 'Paper bags' };

/** The sentinels on the page, so a test can scroll one into view (jsdom has no layout). */
let observed: { callback: IntersectionObserverCallback; element: Element }[] = [];
class FakeIntersectionObserver {
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(element: Element) {
    observed.push({ callback: this.callback, element });
  }
  disconnect() {
    observed = observed.filter((o) => o.callback !== this.callback);
  }
}

describe('ideas board page', () => {
  let server: TestServer;
  let answer: (params: URLSearchParams) => [number, unknown];

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/auth/session': (_req, res) => sendJson(res, 200, member),
      'GET /api/v1/ideas': (req, res) => {
        const [status, body] = answer(new URL(req.url, 'http://localhost').searchParams);
        if (status >= 400) sendProblem(res, status, body as { code: string; title: string });
        else sendJson(res, status, body);
      },
    });
  });
  beforeEach(() => {
    answer = (params) => {
      if (params.get('cursor') === 'page-2') return [200, { items: [older], nextCursor: null }];
      if (params.get('state') === 'planned' || params.get('tag') === 'lockers')
        return [200, { items: [planned], nextCursor: null }];
      if (params.has('q') && params.get('q') !== 'oat') return [200, { items: [], nextCursor: null }];
      return [200, { items: [idea, planned], nextCursor: 'page-2' } satisfies IdeaPage];
    };
    server.requests.length = 0;
    observed = [];
  });
  afterAll(() => server.close());

  const renderBoard = (path = '/ideas') =>
    renderPage(
      <Routes>
        <Route path="/ideas" element={<IdeasBoardPage />} />
      </Routes>,
      { apiClient: createTallyApiClient('portal', { baseUrl: server.baseUrl }), path },
    );
  const boardQueries = () =>
    server.requests
      .filter((r) => r.url.startsWith('/api/v1/ideas'))
      .map((r) => Object.fromEntries(new URL(r.url, 'http://localhost').searchParams));
  const card = async (title: string) =>
    (await screen.findByRole('link', { name: title })).closest('li') as HTMLElement;
  const currentPath = () => screen.getByRole('status', { name: 'Current path' }).textContent;

  it('shows each idea with its title, state, votes, comments and tags, top voted first', async () => {
    renderBoard();
    expect(screen.getByText('Loading ideas…')).toBeTruthy();
    const oat = await card('Oat milk in every store');
    expect(within(oat).getByRole('link', { name: 'Oat milk in every store' }).getAttribute('href')).toBe(
      `/ideas/${idea.id}`,
    );
    expect(oat.textContent).toContain('Open');
    expect(oat.textContent).toContain('#12');
    expect(oat.textContent).toContain('41 votes');
    expect(oat.textContent).toContain('2 comments');
    const tags = within(oat).getByRole('list', { name: 'Tags' });
    expect(
      within(tags)
        .getAllByRole('link')
        .map((a) => a.getAttribute('aria-label')),
    ).toEqual(['Ideas tagged dairy-free', 'Ideas tagged coffee']);
    const lockers = await card('Click and collect lockers');
    expect(lockers.textContent).toContain('Planned');
    expect(lockers.textContent).toContain('1 vote ');
    expect(lockers.textContent).toContain('1 comment');
    expect(lockers.textContent).toContain('You voted');
    expect(boardQueries()).toEqual([{ sort: 'top', limit: '20' }]);
  });

  it('sorts by New or Trending, starting again at the first page', async () => {
    renderBoard();
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    await card('Paper bags');
    server.requests.length = 0;
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'trending' } });
    expect(await screen.findByRole('heading', { name: 'Trending ideas' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Paper bags' })).toBeNull());
    expect(boardQueries()).toEqual([{ sort: 'trending', limit: '20' }]);
    expect(currentPath()).toBe('/ideas?sort=trending');
  });

  it('filters by state and by tag, keeping the filters in the address', async () => {
    renderBoard();
    await card('Oat milk in every store');
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'planned' } });
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Oat milk in every store' })).toBeNull());
    expect(await card('Click and collect lockers')).toBeTruthy();
    expect(boardQueries().at(-1)).toEqual({ sort: 'top', state: 'planned', limit: '20' });
    expect(currentPath()).toBe('/ideas?state=planned');

    fireEvent.change(screen.getByLabelText('State'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: 'lockers' } });
    await waitFor(() => expect(boardQueries().at(-1)).toEqual({ sort: 'top', tag: 'lockers', limit: '20' }));
    expect(currentPath()).toBe('/ideas?tag=lockers');
  });

  it('filters by a tag from an idea’s card, and shows it in the Tag box', async () => {
    renderBoard();
    const oat = await card('Oat milk in every store');
    fireEvent.click(within(oat).getByRole('link', { name: 'Ideas tagged coffee' }));
    await waitFor(() => expect(currentPath()).toBe('/ideas?tag=coffee'));
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Tag').value).toBe('coffee'));
    expect(boardQueries().at(-1)).toEqual({ sort: 'top', tag: 'coffee', limit: '20' });
  });

  it('searches once typing pauses, not on every key', async () => {
    renderBoard();
    await card('Oat milk in every store');
    const search = screen.getByLabelText('Search ideas');
    for (const text of ['m', 'mi', 'mil', 'milk']) fireEvent.change(search, { target: { value: text } });
    expect(await screen.findByText(/No ideas match/)).toBeTruthy();
    expect(boardQueries().map((q) => q.q)).toEqual([undefined, 'milk']);
    expect(currentPath()).toBe('/ideas?q=milk');
  });

  it('loads the next page when the end of the list scrolls into view', async () => {
    const original = globalThis.IntersectionObserver;
    globalThis.IntersectionObserver = FakeIntersectionObserver as unknown as typeof IntersectionObserver;
    try {
      renderBoard();
      await card('Oat milk in every store');
      await waitFor(() => expect(observed).toHaveLength(1));
      const [{ callback, element }] = observed as [(typeof observed)[number]];
      act(() =>
        callback([{ isIntersecting: true, target: element } as IntersectionObserverEntry], {} as never),
      );
      expect(await card('Paper bags')).toBeTruthy();
      expect(boardQueries().at(-1)).toEqual({ sort: 'top', cursor: 'page-2', limit: '20' });
      expect(await screen.findByText('No more ideas.')).toBeTruthy();
    } finally {
      globalThis.IntersectionObserver = original;
    }
  });

  it('invites the first idea when the board is empty', async () => {
    answer = () => [200, { items: [], nextCursor: null }];
    renderBoard();
    expect(await screen.findByText(/No ideas yet/)).toBeTruthy();
    expect(screen.getAllByRole('link', { name: /submit an idea/i }).length).toBeGreaterThan(1);
  });

  it('says what went wrong and offers to try again when the board cannot be read', async () => {
    answer = () => [400, { code: 'VALIDATION_FAILED', title: 'The request is not valid' }];
    renderBoard();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The request is not valid');
    answer = () => [200, { items: [idea], nextCursor: null }];
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await card('Oat milk in every store')).toBeTruthy();
  });
});
