/**
 * @jest-environment @tally/ui/jest-environment
 */
import type {
  IdeaSummary,
  MyImpact,
  Roadmap,
  ShippedWallItem,
  ShippedWallPage as WallPage,
} from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import { renderPage, sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { member } from '../../../../test/fixtures';
import { MyImpactPage } from '../my-impact-page';
import { RoadmapPage } from '../roadmap-page';
import { ShippedWallPage } from '../shipped-wall-page';

const summary = (n: number, title: string, state: IdeaSummary['state'], votes = 10): IdeaSummary => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  number: n,
  title,
  category: 'products',
  state,
  votes,
  authorName: 'Bea',
  lastStatusChangeAt: '2025-03-01T10:00:00.000Z',
});

const lockers = summary(1, 'Click and collect lockers', 'planned');
const refill = summary(2, 'Refill station', 'in_progress', 1);
const bags = summary(3, 'Paper bags', 'shipped');

const wallItem: ShippedWallItem = {
  id: bags.id,
  number: 3,
  title: 'Paper bags',
  category: 'sustainability',
  authorName: 'Cal',
  votes: 120,
  shippedAt: '2025-03-10T10:00:00.000Z',
  response: 'Every store now has paper bags. <b>Thank you</b>, Cal!',
};

const impact: MyImpact = {
  ideas: [
    {
      ...summary(4, 'Oat milk in every store', 'planned'),
      authorName: 'Ada',
      supporters: 41,
      followers: 12,
      rewards: [
        {
          kind: 'accepted',
          state: 'pending',
          points: 200,
          cappedPoints: 0,
          availableAt: '2025-04-01T10:00:00.000Z',
          createdAt: '2025-03-01T10:00:00.000Z',
        },
      ],
    },
    {
      ...summary(5, 'Self-checkout in Manchester', 'shipped'),
      authorName: 'Ada',
      supporters: 9,
      followers: 3,
      rewards: [
        {
          kind: 'accepted',
          state: 'available',
          points: 200,
          cappedPoints: 0,
          availableAt: null,
          createdAt: '2025-01-01T10:00:00.000Z',
        },
        {
          kind: 'shipped',
          state: 'capped',
          points: 100,
          cappedPoints: 400,
          availableAt: null,
          createdAt: '2025-02-01T10:00:00.000Z',
        },
      ],
    },
    {
      ...summary(6, 'Dog treats at the till', 'declined'),
      authorName: 'Ada',
      supporters: 0,
      followers: 1,
      rewards: [
        {
          kind: 'accepted',
          state: 'cancelled',
          points: 200,
          cappedPoints: 0,
          availableAt: null,
          createdAt: '2025-01-05T10:00:00.000Z',
        },
      ],
    },
  ],
  totals: { ideas: 3, supportersGained: 50, pointsEarned: 300, pointsPending: 200, shipped: 1 },
  shippedISupported: [bags],
};

describe('roadmap, shipped wall and my impact pages', () => {
  let server: TestServer;
  let roadmap: Roadmap | null;
  let wall: WallPage;
  let myImpact: MyImpact;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/auth/session': (_req, res) => sendJson(res, 200, member),
      'GET /api/v1/ideas/roadmap': (_req, res) =>
        roadmap
          ? sendJson(res, 200, roadmap)
          : sendProblem(res, 403, { code: 'FORBIDDEN', title: 'You may not do this' }),
      'GET /api/v1/ideas/wall': (_req, res) => sendJson(res, 200, wall),
      'GET /api/v1/me/ideas/impact': (_req, res) => sendJson(res, 200, myImpact),
    });
  });
  beforeEach(() => {
    roadmap = { planned: [lockers], inProgress: [refill], shipped: [] };
    wall = { items: [wallItem], nextCursor: null };
    myImpact = impact;
    server.requests.length = 0;
  });
  afterAll(() => server.close());

  const renderAt = (path: string) =>
    renderPage(
      <Routes>
        <Route path="/ideas/roadmap" element={<RoadmapPage />} />
        <Route path="/ideas/shipped" element={<ShippedWallPage />} />
        <Route path="/ideas/impact" element={<MyImpactPage />} />
      </Routes>,
      { apiClient: createTallyApiClient('portal', { baseUrl: server.baseUrl }), path },
    );
  /** The list's own items (not those of lists inside them). */
  const items = (name: string) => [...screen.getByRole('list', { name }).children] as HTMLElement[];

  it('lays the roadmap out as planned, in progress and shipped, each idea linked', async () => {
    renderAt('/ideas/roadmap');
    expect(screen.getByText('Loading the roadmap…')).toBeTruthy();
    const planned = await screen.findByRole('region', { name: 'Planned' });
    const link = within(planned).getByRole('link', { name: 'Click and collect lockers' });
    expect(link.getAttribute('href')).toBe(`/ideas/${lockers.id}`);
    expect(planned.textContent).toContain('by Bea · 10 votes');
    expect(screen.getByRole('region', { name: 'In progress' }).textContent).toContain('Refill station');
    expect(screen.getByRole('region', { name: 'In progress' }).textContent).toContain('1 vote ');
    expect(screen.getByRole('region', { name: 'Shipped' }).textContent).toContain('Nothing shipped yet.');
  });

  it('says what went wrong when the roadmap cannot be read', async () => {
    roadmap = null;
    renderAt('/ideas/roadmap');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('You may not do this');
    roadmap = { planned: [], inProgress: [], shipped: [bags] };
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Paper bags' })).toBeTruthy();
  });

  it('credits each shipped idea’s author on the wall, with the staff response as text', async () => {
    renderAt('/ideas/shipped');
    await screen.findByRole('list', { name: 'Shipped ideas' });
    const [item] = items('Shipped ideas');
    expect(item?.textContent).toContain('Suggested by Cal');
    expect(item?.textContent).toContain('120 votes');
    expect(screen.getByText(wallItem.response).textContent).toBe(wallItem.response);
    expect(document.querySelector('main b, b')).toBeNull();
    expect(screen.getByText('No more shipped ideas.')).toBeTruthy();
  });

  it('says when nothing has shipped yet', async () => {
    wall = { items: [], nextCursor: null };
    renderAt('/ideas/shipped');
    expect(await screen.findByText(/Nothing has shipped yet/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See what is planned' }).getAttribute('href')).toBe(
      '/ideas/roadmap',
    );
  });

  it('shows my ideas with their states, supporters, points and what shipped', async () => {
    renderAt('/ideas/impact');
    const figures = await screen.findByRole('region', { name: 'At a glance' });
    expect(figures.textContent).toContain('Ideas submitted3');
    expect(figures.textContent).toContain('Supporters gained50');
    expect(figures.textContent).toContain('Points earned from ideas300');
    expect(figures.textContent).toContain('Ideas shipped1');
    expect(screen.getByText(/200 points more are pending/)).toBeTruthy();

    const [oat, checkout, treats] = items('My ideas');
    expect(oat?.textContent).toContain('Planned');
    expect(oat?.textContent).toContain('41 supporters · 12 followers');
    expect(oat?.textContent).toContain('Accepted bonus: 200 points, pending until');
    expect(checkout?.textContent).toContain('Accepted bonus: 200 points earned');
    expect(checkout?.textContent).toContain(
      'Shipped bonus: 100 points earned; the quarterly cap held back 400 points',
    );
    expect(treats?.textContent).toContain('Declined');
    expect(treats?.textContent).toContain('Accepted bonus: 200 points cancelled');

    expect(items('Your ideas that shipped').map((li) => li.textContent)).toEqual([
      expect.stringContaining('Self-checkout in Manchester'),
    ]);
    expect(items('Ideas you voted for that shipped').map((li) => li.textContent)).toEqual([
      expect.stringContaining('Paper bags'),
    ]);
  });

  it('invites a first idea when the member has none', async () => {
    myImpact = {
      ideas: [],
      totals: { ideas: 0, supportersGained: 0, pointsEarned: 0, pointsPending: 0, shipped: 0 },
      shippedISupported: [],
    };
    renderAt('/ideas/impact');
    expect(await screen.findByText(/You have not submitted an idea yet/)).toBeTruthy();
    const mine = screen.getByRole('region', { name: 'My ideas' });
    expect(within(mine).getByRole('link', { name: 'Submit an idea' }).getAttribute('href')).toBe(
      '/ideas/new',
    );
    expect(screen.getByText('No idea you voted for has shipped yet.')).toBeTruthy();
    expect(screen.queryByText(/more are pending/)).toBeNull();
  });
});
