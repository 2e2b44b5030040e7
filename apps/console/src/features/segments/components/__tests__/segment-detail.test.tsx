/**
 * @jest-environment @tally/ui/jest-environment
 */
import { DEFAULT_PROGRAMME, type SegmentDetail } from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import { renderPage, sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { london } from '../../../../test/fixtures';
import { SegmentDetailPage } from '../segment-detail-page';

const SEGMENT_ID = '3a4b5c6d-7e8f-4091-a2b3-c4d5e6f70819';
const CAMPAIGN_ID = '0d1e2f30-4152-4637-8849-5a6b7c8d9e0f';

const segment: SegmentDetail = {
  id: SEGMENT_ID,
  version: 4,
  definition: {
    name: 'London regulars',
    description: 'Shop with us in London most weeks.',
    rules: [
      { kind: 'store', storeIds: [london.id], days: 30 },
      { kind: 'visits', days: 30, min: 4, max: null },
    ],
  },
  archived: false,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-02T10:00:00.000Z',
  memberCount: 1234,
  countedAt: '2026-01-03T10:00:00.000Z',
  campaigns: [{ id: CAMPAIGN_ID, name: 'Regulars’ double points', status: 'live' }],
};

describe('SegmentDetailPage', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/programme': (_req, res) => sendJson(res, 200, DEFAULT_PROGRAMME),
      [`GET /api/v1/segments/${SEGMENT_ID}`]: (_req, res) => sendJson(res, 200, segment),
      [`DELETE /api/v1/segments/${SEGMENT_ID}`]: (_req, res) =>
        sendProblem(res, 409, {
          code: 'SEGMENT_IN_USE',
          title: 'A scheduled, live or paused campaign uses this segment',
          detail: '“Regulars’ double points” (live) targets this segment: end the campaign first.',
        }),
    });
  });
  afterAll(() => server.close());

  const renderDetail = (canManage: boolean) =>
    renderPage(
      <Routes>
        <Route path="/segments/:id" element={<SegmentDetailPage canManage={canManage} stores={[london]} />} />
      </Routes>,
      {
        apiClient: createTallyApiClient('console', { baseUrl: server.baseUrl }),
        path: `/segments/${SEGMENT_ID}`,
      },
    );

  it('shows how many members match now, the rules in words with store names, and the campaigns that target it', async () => {
    renderDetail(false);
    expect(await screen.findByRole('heading', { level: 1, name: 'London regulars' })).toBeTruthy();
    expect(await screen.findByText('1,234 members match')).toBeTruthy();
    const rules = screen.getByRole('region', { name: 'Members who' });
    expect(rules.textContent).toContain(`Bought at ${london.name} in the last 30 days`);
    expect(rules.textContent).toContain('Made at least 4 purchases in the last 30 days');
    expect(screen.getByRole('link', { name: 'Regulars’ double points' }).getAttribute('href')).toBe(
      `/campaigns/${CAMPAIGN_ID}`,
    );
    expect(screen.queryByRole('button', { name: 'Archive the segment' })).toBeNull();
  });

  it('asks before archiving and shows why the API refused while a live campaign targets it', async () => {
    renderDetail(true);
    fireEvent.click(await screen.findByRole('button', { name: 'Archive the segment' }));
    const confirm = screen.getByRole('button', { name: 'Confirm archive' });
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    fireEvent.click(confirm);
    expect(await screen.findByText(/targets this segment: end the campaign first/)).toBeTruthy();
    expect(server.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });
});
