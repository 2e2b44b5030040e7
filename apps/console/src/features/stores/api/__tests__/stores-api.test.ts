import { createTallyApiClient } from '@tally/ui';
import { sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { london } from '../../../../test/fixtures';
import { createStore } from '../create-store';
import { getStores, storesQueryOptions } from '../get-stores';

describe('stores API', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/stores': (_req, res) => sendJson(res, 200, [london]),
      'POST /api/v1/stores': (req, res) => {
        const body = JSON.parse(req.body) as { code: string };
        if (body.code === london.code) {
          return sendProblem(res, 409, {
            code: 'STORE_CODE_TAKEN',
            title: 'A store with this code already exists',
            errors: [{ field: 'code', message: 'is already used by another store' }],
          });
        }
        sendJson(res, 201, { ...london, ...body, id: '0f1e2d3c-4b5a-4968-8776-655443322110' });
      },
    });
  });

  afterAll(() => server.close());

  const client = () => createTallyApiClient('console', { baseUrl: server.baseUrl });

  it('getStores reads the list as the console, under the ["stores"] key', async () => {
    await expect(getStores(client())).resolves.toEqual([london]);
    expect(server.requests.at(-1)?.headers['x-tally-client']).toBe('console');
    expect(storesQueryOptions(client()).queryKey).toEqual(['stores']);
  });

  it('createStore answers the new store, and STORE_CODE_TAKEN names the code field', async () => {
    await expect(
      createStore(client(), { code: 'BRS-01', name: 'Bristol', timezone: 'Europe/London' }),
    ).resolves.toMatchObject({ code: 'BRS-01', name: 'Bristol' });

    const error: unknown = await createStore(client(), { code: 'LON-01', name: 'Again' }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 409, code: 'STORE_CODE_TAKEN', errors: [{ field: 'code' }] });
  });
});
