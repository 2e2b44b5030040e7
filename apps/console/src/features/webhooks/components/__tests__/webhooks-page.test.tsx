/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { WebhookDelivery, WebhookDeliveryDetail, WebhookEndpoint } from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import { renderPage, sendJson, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { WebhooksPage } from '../webhooks-page';

const crm: WebhookEndpoint = {
  id: '1b2c3d4e-5f60-4712-8a3b-4c5d6e7f8091',
  url: 'https://crm.example.com/tally',
  description: 'CRM sync',
  events: ['points.earned', 'tier.changed'],
  enabled: true,
  secretHint: 'a1B2',
  createdAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-01-05T10:00:00.000Z',
};
const NEW_ID = '2c3d4e5f-6071-4823-9b4c-5d6e7f809102';
const SECRET = `whsec_${'x'.repeat(39)}Zz9q`;
const dead: WebhookDelivery = {
  id: '41',
  endpointId: crm.id,
  event: 'points.earned',
  eventId: '3d4e5f60-7182-4934-8c5d-6e7f80910213',
  status: 'dead',
  attempts: 8,
  nextAttemptAt: null,
  lastError: 'HTTP 503',
  createdAt: '2026-01-06T09:00:00.000Z',
  deliveredAt: null,
};
const deadDetail: WebhookDeliveryDetail = {
  ...dead,
  body: '{"type":"points.earned"}',
  log: [
    {
      attempt: 1,
      statusCode: 503,
      responseExcerpt: 'busy',
      durationMs: 12,
      error: 'HTTP 503',
      at: '2026-01-06T09:00:01.000Z',
    },
  ],
};

describe('WebhooksPage', () => {
  let server: TestServer;
  let endpoints: WebhookEndpoint[];

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/admin/webhooks': (_req, res) => sendJson(res, 200, endpoints),
      'POST /api/v1/admin/webhooks': (req, res) => {
        const body = JSON.parse(req.body) as Pick<WebhookEndpoint, 'url' | 'description' | 'events'>;
        const created = { ...crm, ...body, id: NEW_ID, secretHint: SECRET.slice(-4) };
        endpoints = [...endpoints, created];
        sendJson(res, 201, { ...created, secret: SECRET });
      },
      [`DELETE /api/v1/admin/webhooks/${crm.id}`]: (_req, res) => {
        endpoints = endpoints.filter((e) => e.id !== crm.id);
        res.writeHead(204).end();
      },
      [`GET /api/v1/admin/webhooks/${crm.id}/deliveries`]: (_req, res) =>
        sendJson(res, 200, { items: [dead], nextCursor: null }),
      [`GET /api/v1/admin/webhooks/${crm.id}/deliveries/41`]: (_req, res) => sendJson(res, 200, deadDetail),
      [`POST /api/v1/admin/webhooks/${crm.id}/deliveries/41/resend`]: (_req, res) =>
        sendJson(res, 201, { ...deadDetail, status: 'pending', attempts: 0 }),
    });
  });
  beforeEach(() => {
    endpoints = [crm];
    server.requests.length = 0;
  });
  afterAll(() => server.close());

  const renderWebhooks = () =>
    renderPage(<WebhooksPage />, {
      apiClient: createTallyApiClient('console', { baseUrl: server.baseUrl }),
      path: '/webhooks',
    });
  const card = () => screen.findByRole('article', { name: crm.url });

  it('lists endpoints with their events, and shows a new endpoint’s secret once', async () => {
    renderWebhooks();
    const crmCard = await card();
    expect(within(crmCard).getByText('Enabled')).toBeTruthy();
    expect(within(crmCard).getByText('Events: Points earned, Tier changed')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Endpoint URL'), {
      target: { value: 'https://erp.example.com/in' },
    });
    fireEvent.click(screen.getByLabelText(/^Points expired/));
    fireEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));

    const notice = await screen.findByRole('region', { name: 'New webhook endpoint' });
    expect(within(notice).getByLabelText<HTMLInputElement>('Secret').value).toBe(SECRET);
    const sent = server.requests.find((r) => r.method === 'POST')!;
    expect(JSON.parse(sent.body)).toEqual({
      url: 'https://erp.example.com/in',
      description: '',
      events: ['points.expired'],
      enabled: true,
    });
    fireEvent.click(within(notice).getByRole('button', { name: 'Done, I have stored it' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'New webhook endpoint' })).toBeNull());
    expect(screen.queryByDisplayValue(SECRET)).toBeNull();
    expect(await screen.findByRole('article', { name: 'https://erp.example.com/in' })).toBeTruthy();
  });

  it('refuses to send a form without events, naming the field', async () => {
    renderWebhooks();
    await card();
    fireEvent.change(screen.getByLabelText('Endpoint URL'), {
      target: { value: 'https://erp.example.com/in' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));
    expect(await screen.findAllByText(/choose at least one event/)).not.toHaveLength(0);
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('shows a dead delivery’s attempts and re-sends it', async () => {
    renderWebhooks();
    fireEvent.click(within(await card()).getByRole('button', { name: 'Deliveries' }));
    const table = await screen.findByRole('table', { name: 'Deliveries' });
    expect(within(table).getByText('Dead (gave up)')).toBeTruthy();
    fireEvent.click(within(table).getByRole('button', { name: 'Show' }));
    const attempts = await screen.findByRole('table', { name: 'Attempts' });
    expect(within(attempts).getByText('HTTP 503')).toBeTruthy();
    expect(within(attempts).getByText('busy')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Re-send' }));
    expect(await screen.findByText(/Queued again/)).toBeTruthy();
    expect(
      server.requests.some((r) => r.url === `/api/v1/admin/webhooks/${crm.id}/deliveries/41/resend`),
    ).toBe(true);
  });

  it('deletes an endpoint only after confirmation', async () => {
    renderWebhooks();
    fireEvent.click(within(await card()).getByRole('button', { name: 'Delete' }));
    expect(server.requests.some((r) => r.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm delete' }));
    await waitFor(() => expect(screen.queryByRole('article', { name: crm.url })).toBeNull());
    expect(server.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });
});
