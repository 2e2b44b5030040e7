import { createTallyApiClient } from '@tally/ui';
import { sendJson, startTestServer, type TestServer } from '@tally/ui/testing';
import { QueryClient } from '@tanstack/react-query';
import { london, posKey } from '../../../../test/fixtures';
import { createPosKey } from '../create-pos-key';
import { POS_KEYS_KEY, getPosKeys, posKeysQueryOptions } from '../get-pos-keys';
import { revokePosKey } from '../revoke-pos-key';

describe('POS keys API', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/pos-keys': (_req, res) => sendJson(res, 200, [posKey]),
      'POST /api/v1/pos-keys': (req, res) =>
        sendJson(res, 201, { ...posKey, ...(JSON.parse(req.body) as object), secret: 'tpk_secret_value' }),
      [`POST /api/v1/pos-keys/${posKey.id}/revoke`]: (_req, res) =>
        sendJson(res, 200, { ...posKey, revokedAt: '2025-03-03T14:05:00.000Z' }),
    });
  });

  beforeEach(() => {
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  const client = () => createTallyApiClient('console', { baseUrl: server.baseUrl });

  it('lists all keys, or one store’s with ?storeId=', async () => {
    await getPosKeys(client());
    await getPosKeys(client(), { storeId: london.id });

    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/v1/pos-keys',
      `/api/v1/pos-keys?storeId=${london.id}`,
    ]);
  });

  it('keys every store’s list under one prefix, so a change invalidates them all', async () => {
    const queryClient = new QueryClient();
    await queryClient.fetchQuery(posKeysQueryOptions(client(), { storeId: london.id }));
    await queryClient.fetchQuery(posKeysQueryOptions(client()));

    await queryClient.invalidateQueries({ queryKey: POS_KEYS_KEY });

    expect(queryClient.getQueryCache().findAll({ queryKey: POS_KEYS_KEY, stale: true })).toHaveLength(2);
  });

  it('creating a key answers its secret once', async () => {
    const created = await createPosKey(client(), { storeId: london.id, name: 'Till 2' });

    expect(created).toMatchObject({ name: 'Till 2', secret: 'tpk_secret_value' });
  });

  it('revokes with a reason', async () => {
    await expect(
      revokePosKey(client(), { id: posKey.id, body: { reason: 'till replaced' } }),
    ).resolves.toMatchObject({
      revokedAt: '2025-03-03T14:05:00.000Z',
    });
    expect(server.requests[0]?.body).toBe('{"reason":"till replaced"}');
  });
});
