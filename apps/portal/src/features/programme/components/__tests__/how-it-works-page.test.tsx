/**
 * @jest-environment @tally/ui/jest-environment
 */
import {
  DEFAULT_PROGRAMME,
  toPublicProgramme,
  type PublicProgramme,
  type UpcomingChange,
} from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import { renderPage, sendJson, startTestServer, type TestServer } from '@tally/ui/testing';
import { screen, within } from '@testing-library/react';
import { HowItWorksPage } from '../how-it-works-page';

describe(HowItWorksPage.name, () => {
  let server: TestServer;
  let programme: PublicProgramme;
  let upcoming: UpcomingChange[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/programme/public': (_req, res) => sendJson(res, 200, programme),
      'GET /api/v1/programme/upcoming': (_req, res) => sendJson(res, 200, upcoming),
    });
  });

  afterAll(() => server.close());

  const render = () =>
    renderPage(<HowItWorksPage />, {
      apiClient: createTallyApiClient('portal', { baseUrl: server.baseUrl }),
    });

  it('explains the programme from its settings: earn rate, tiers, return window, expiry, refunds', async () => {
    programme = toPublicProgramme(DEFAULT_PROGRAMME);
    render();

    const earn = await screen.findByRole('region', { name: 'How you earn points' });
    expect(within(earn).getByText(/for every £1\.00 you spend/)).toBeTruthy();
    const tiers = within(screen.getByRole('region', { name: 'Tiers' })).getAllByRole('listitem');
    expect(tiers.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Member/),
      expect.stringMatching(/^Silver \(from 1,000 points earned\)/),
      expect.stringMatching(/^Gold/),
    ]);
    expect(screen.getByText(/pending for 14 days/)).toBeTruthy();
    expect(screen.getByText('Points expire 24 months after you earn them.')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Returns and refunds' })).toBeTruthy();
    // No announced changes yet: the section is there with its empty state.
    const upcoming = screen.getByRole('region', { name: 'Upcoming changes' });
    expect(within(upcoming).getByText(/No changes to the programme are announced/)).toBeTruthy();
  });

  it('follows other settings: points that never expire and are available at once', async () => {
    programme = toPublicProgramme({ ...DEFAULT_PROGRAMME, expiryMonths: null, pendingDays: 0 });
    render();
    expect(await screen.findByText('Your points never expire.')).toBeTruthy();
    expect(screen.getByText('Points are yours to spend as soon as you earn them.')).toBeTruthy();
  });

  it('lists announced changes soonest first, each with what changes, and says which are less generous', async () => {
    programme = toPublicProgramme(DEFAULT_PROGRAMME);
    upcoming = [
      {
        id: '00000000-0000-4000-8000-000000000002',
        effectiveAt: '2030-06-01T00:00:00.000Z',
        summary: 'From 1 June 2030',
        details: ['Gold needs 6,000 instead of 5,000'],
        worse: true,
      },
      {
        id: '00000000-0000-4000-8000-000000000001',
        effectiveAt: '2030-03-01T00:00:00.000Z',
        summary: 'From 1 March 2030',
        details: ['Points never expire (was: points expire 24 months after they are earned)'],
        worse: false,
      },
    ];
    render();
    const list = await screen.findByRole('list', { name: 'Upcoming changes' });
    const items = within(list)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === list);
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringContaining('Points never expire'),
      expect.stringMatching(/less generous.*Gold needs 6,000 instead of 5,000/),
    ]);
    upcoming = [];
  });
});
