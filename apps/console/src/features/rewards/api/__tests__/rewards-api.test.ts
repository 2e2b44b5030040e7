import type { Reward } from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import { sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { createReward } from '../create-reward';
import { getRewards, rewardsQueryOptions } from '../get-rewards';
import { updateReward } from '../update-reward';

const coffee: Reward = {
  id: '2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091',
  name: 'Free coffee',
  description: 'Any size.',
  imageUrl: null,
  costPoints: 500,
  stock: null,
  perMemberLimit: 2,
  activeFrom: '2025-01-01T09:00:00.000Z',
  activeUntil: null,
  voucherValidDays: 14,
  archived: false,
};

describe('rewards API', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/rewards/all': (_req, res) => sendJson(res, 200, [coffee]),
      'POST /api/v1/rewards': (req, res) => {
        const body = JSON.parse(req.body) as Partial<Reward>;
        if (body.name === coffee.name) {
          return sendProblem(res, 400, {
            code: 'VALIDATION_FAILED',
            title: 'The request is not valid',
            errors: [{ field: 'name', message: 'is already in the catalogue' }],
          });
        }
        sendJson(res, 201, { ...coffee, ...body, id: '3c4d5e6f-7081-4923-8b4c-5d6e7f809102' });
      },
      [`PATCH /api/v1/rewards/${coffee.id}`]: (req, res) =>
        sendJson(res, 200, { ...coffee, ...(JSON.parse(req.body) as object) }),
    });
  });

  beforeEach(() => {
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  const client = () => createTallyApiClient('console', { baseUrl: server.baseUrl });

  it('reads the whole catalogue as the console, under the ["rewards", "all"] key', async () => {
    await expect(getRewards(client())).resolves.toEqual([coffee]);
    expect(server.requests[0]?.headers['x-tally-client']).toBe('console');
    expect(rewardsQueryOptions(client()).queryKey).toEqual(['rewards', 'all']);
  });

  it('creates a reward, and a 400 keeps its field errors', async () => {
    await expect(
      createReward(client(), { name: 'Tote bag', costPoints: 1200, voucherValidDays: 30 }),
    ).resolves.toMatchObject({ name: 'Tote bag', costPoints: 1200 });

    const error: unknown = await createReward(client(), { name: coffee.name, costPoints: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'name' }] });
  });

  it('patches one reward by id with the body as given', async () => {
    await expect(updateReward(client(), { id: coffee.id, body: { archived: true } })).resolves.toMatchObject({
      archived: true,
    });
    expect(server.requests[0]).toMatchObject({ method: 'PATCH', url: `/api/v1/rewards/${coffee.id}` });
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ archived: true });
  });
});
