/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { Idea } from '@tally/domain';
import { createTallyApiClient, formatDateTime } from '@tally/ui';
import { renderPage, sendJson, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen, within } from '@testing-library/react';
import { AppRoutes } from '../../../../app/routes';
import { staffUser } from '../../../../test/fixtures';
import { IDEA_ID, TARGET_ID, idea, target } from '../../testing/fixtures';

const ALL_STATES =
  'pending_review%2Copen%2Cunder_review%2Cplanned%2Cin_progress%2Cshipped%2Cdeclined%2Cduplicate';

describe('ideas list for staff', () => {
  let server: TestServer;
  let pages: Record<string, { items: Idea[]; nextCursor: string | null }>;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/auth/session': (_req, res) => sendJson(res, 200, staffUser('admin')),
      'GET /api/v1/stores': (_req, res) => sendJson(res, 200, []),
      'GET /api/v1/ideas': (req, res) => {
        const cursor = new URLSearchParams(req.url.split('?')[1]).get('cursor') ?? 'first';
        sendJson(res, 200, pages[cursor] ?? { items: [], nextCursor: null });
      },
    });
  });

  beforeEach(() => {
    pages = {
      first: {
        items: [
          idea({ state: 'pending_review', votes: 1234, tags: ['bags', 'paper'] }),
          idea({
            id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
            number: 41,
            title: 'Bags made of paper please',
            state: 'duplicate',
            duplicateOf: { id: TARGET_ID, number: 7, title: target.title },
            tags: [],
          }),
        ],
        nextCursor: 'page-2',
      },
      'page-2': { items: [target], nextCursor: null },
    };
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  const renderList = () =>
    renderPage(<AppRoutes />, {
      apiClient: createTallyApiClient('console', { baseUrl: server.baseUrl }),
      path: '/ideas',
    });
  const listUrls = () => server.requests.filter((r) => r.url.startsWith('/api/v1/ideas')).map((r) => r.url);
  const rows = () =>
    within(screen.getByRole('table', { name: 'Ideas' }))
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      );

  it('lists ideas in every state, newest first, with figures in the reader’s format, and loads more by cursor', async () => {
    renderList();
    await screen.findByRole('table', { name: 'Ideas' }, { timeout: 5000 });
    expect(listUrls()).toEqual([`/api/v1/ideas?sort=new&limit=20&state=${ALL_STATES}`]);
    expect(rows()).toEqual([
      [
        'Waiting for review',
        '1,234',
        '15',
        '1',
        'Ann',
        'bags, paper',
        formatDateTime('2026-03-02T09:30:00.000Z'),
      ],
      ['Merged as a duplicateof #7', '12', '15', '1', 'Ann', '—', formatDateTime('2026-03-02T09:30:00.000Z')],
    ]);
    expect(screen.getByRole('link', { name: '#42 Paper bags at every till' }).getAttribute('href')).toBe(
      `/ideas/${IDEA_ID}`,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: '#7 No more plastic bags' })).toBeTruthy();
    expect(listUrls()[1]).toBe(`/api/v1/ideas?sort=new&cursor=page-2&limit=20&state=${ALL_STATES}`);
    expect(screen.getByText('No more ideas.')).toBeTruthy();
    // The first render of a suite loads the lazy page: slow on a busy machine.
  }, 15_000);

  it('searches and filters by state, tag and sort', async () => {
    renderList();
    await screen.findByRole('table', { name: 'Ideas' }, { timeout: 5000 });
    const search = screen.getByRole('search', { name: 'Find ideas' });
    fireEvent.change(within(search).getByLabelText('State'), { target: { value: 'declined' } });
    fireEvent.change(within(search).getByLabelText('Sort'), { target: { value: 'top' } });
    fireEvent.change(within(search).getByLabelText('Search'), { target: { value: ' paper bags ' } });
    fireEvent.change(within(search).getByLabelText('Tag'), { target: { value: 'Bags' } });
    fireEvent.click(within(search).getByRole('button', { name: 'Search' }));
    await screen.findByRole('table', { name: 'Ideas' });
    expect(listUrls().at(-1)).toBe('/api/v1/ideas?sort=top&q=paper+bags&tag=bags&limit=20&state=declined');
  });

  it('refuses a tag that is not a slug, beside the field, without asking the API', async () => {
    renderList();
    await screen.findByRole('table', { name: 'Ideas' }, { timeout: 5000 });
    const asked = listUrls().length;
    const tag = screen.getByLabelText('Tag');
    fireEvent.change(tag, { target: { value: 'no spaces!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(tag.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(tag.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'Tag must be lower-case letters, digits and single dashes',
    );
    expect(document.activeElement).toBe(tag);
    expect(listUrls()).toHaveLength(asked);
  });

  it('says when no idea matches', async () => {
    pages = {};
    renderList();
    expect(await screen.findByText('No ideas yet.', {}, { timeout: 5000 })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'shipped' } });
    expect(await screen.findByText('No idea matches.')).toBeTruthy();
  });
});
