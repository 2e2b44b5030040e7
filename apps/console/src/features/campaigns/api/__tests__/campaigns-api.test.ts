import { createTallyApiClient } from '@tally/ui';
import { sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { CAMPAIGN_ID, campaign, doubleCoffee } from '../../testing/fixtures';
import { runCampaignAction } from '../campaign-action';
import { getCampaignsPage } from '../get-campaigns';
import { updateCampaign } from '../update-campaign';

describe('campaigns API', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/campaigns': (_req, res) => sendJson(res, 200, { items: [campaign()], nextCursor: 'c2' }),
      [`PUT /api/v1/campaigns/${CAMPAIGN_ID}`]: (req, res) => {
        const body = JSON.parse(req.body) as { version: number };
        if (body.version !== 2)
          return sendProblem(res, 409, {
            code: 'CAMPAIGN_VERSION_CONFLICT',
            title: 'Someone saved a newer version of this campaign',
          });
        sendJson(res, 200, campaign({ version: 3 }));
      },
      [`POST /api/v1/campaigns/${CAMPAIGN_ID}/pause`]: (_req, res) =>
        sendJson(res, 200, campaign({ status: 'paused' })),
      [`POST /api/v1/campaigns/${CAMPAIGN_ID}/schedule`]: (_req, res) =>
        sendProblem(res, 409, {
          code: 'CAMPAIGN_TRANSITION_REFUSED',
          title: 'The campaign cannot make that change from its status',
        }),
    });
  });

  beforeEach(() => {
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  const client = () => createTallyApiClient('console', { baseUrl: server.baseUrl });

  it('asks for one page by status and cursor, leaving out what is not set', async () => {
    await expect(
      getCampaignsPage(client(), { status: 'live', cursor: 'c1', limit: 25 }),
    ).resolves.toMatchObject({
      nextCursor: 'c2',
    });
    await getCampaignsPage(client(), { status: undefined, limit: 25 });

    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/v1/campaigns?status=live&cursor=c1&limit=25',
      '/api/v1/campaigns?limit=25',
    ]);
  });

  it('saves an edit with PUT and the version it was based on; an older version is a 409 conflict', async () => {
    await expect(
      updateCampaign(client(), { id: CAMPAIGN_ID, version: 2, definition: doubleCoffee }),
    ).resolves.toMatchObject({ version: 3 });
    expect(server.requests[0]).toMatchObject({ method: 'PUT', url: `/api/v1/campaigns/${CAMPAIGN_ID}` });
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ version: 2, definition: doubleCoffee });

    const error: unknown = await updateCampaign(client(), {
      id: CAMPAIGN_ID,
      version: 1,
      definition: doubleCoffee,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 409, code: 'CAMPAIGN_VERSION_CONFLICT' });
  });

  it('posts an action to its own path with the reason only when there is one', async () => {
    await expect(
      runCampaignAction(client(), { id: CAMPAIGN_ID, action: 'pause', reason: 'Out of stock' }),
    ).resolves.toMatchObject({ status: 'paused' });
    const refused: unknown = await runCampaignAction(client(), { id: CAMPAIGN_ID, action: 'schedule' }).catch(
      (e: unknown) => e,
    );

    expect(server.requests.map((r) => [r.url, JSON.parse(r.body)])).toEqual([
      [`/api/v1/campaigns/${CAMPAIGN_ID}/pause`, { reason: 'Out of stock' }],
      [`/api/v1/campaigns/${CAMPAIGN_ID}/schedule`, {}],
    ]);
    expect(refused).toMatchObject({ status: 409, code: 'CAMPAIGN_TRANSITION_REFUSED' });
  });
});
