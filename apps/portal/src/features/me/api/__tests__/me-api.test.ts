import type { MemberExport } from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import { sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { QueryClient } from '@tanstack/react-query';
import { me, statement } from '../../../../test/fixtures';
import { closeAccount } from '../close-account';
import { ME_KEY, getMe, meQueryOptions } from '../../../../api/get-me';
import { exportFileName, getMyData } from '../get-my-data';
import { getStatement, statementQueryOptions } from '../get-statement';
import { updateMe } from '../update-me';

const { balance: _balance, tier: _tier, tierChanges: _changes, ...profile } = me;
const exported: MemberExport = {
  exportedAt: '2025-03-04T10:00:00.000Z',
  profile,
  balance: me.balance,
  statement: statement.items,
};

describe('member API', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/me': (_req, res) => sendJson(res, 200, me),
      'PATCH /api/v1/me': (req, res) => sendJson(res, 200, { ...me, ...(JSON.parse(req.body) as object) }),
      'GET /api/v1/me/statement': (_req, res) => sendJson(res, 200, statement),
      'GET /api/v1/me/export': (_req, res) => sendJson(res, 200, exported),
      'POST /api/v1/me/close': (req, res) => {
        const body = JSON.parse(req.body) as { password: string };
        if (body.password !== 'correct horse battery') {
          return sendProblem(res, 401, {
            code: 'INVALID_CREDENTIALS',
            title: 'The email or password is not right',
          });
        }
        res.writeHead(204).end();
      },
    });
  });

  beforeEach(() => {
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  const client = () => createTallyApiClient('portal', { baseUrl: server.baseUrl });

  it('getMe reads the profile with its balance, through meQueryOptions under the ["me"] key', async () => {
    const queryClient = new QueryClient();

    await expect(queryClient.fetchQuery(meQueryOptions(client()))).resolves.toEqual(me);
    expect(queryClient.getQueryData(ME_KEY)).toEqual(me);
    expect(server.requests[0]?.headers['x-tally-client']).toBe('portal');
    await expect(getMe(client())).resolves.toEqual(me);
  });

  it('updateMe sends PATCH /api/v1/me with the changes', async () => {
    const updated = await updateMe(client(), { phone: '+447700900123', marketingConsent: true });

    expect(updated).toMatchObject({ phone: '+447700900123', marketingConsent: true });
    expect(server.requests[0]).toMatchObject({ method: 'PATCH', url: '/api/v1/me' });
  });

  it('getStatement asks for one page with a limit and a cursor, keyed under ["me"] so profile changes refresh it', async () => {
    await expect(getStatement(client(), { limit: 10, cursor: 'abc' })).resolves.toEqual(statement);
    expect(server.requests[0]?.url).toBe('/api/v1/me/statement?cursor=abc&limit=10');
    expect(statementQueryOptions(client(), { limit: 10 }).queryKey).toEqual([
      'me',
      'statement',
      { limit: 10 },
    ]);
  });

  it('getMyData reads the export; the file is named after its date', async () => {
    const data = await getMyData(client());

    expect(data).toEqual(exported);
    expect(exportFileName(data.exportedAt)).toBe('tally-my-data-2025-03-04.json');
  });

  it('closeAccount posts the password and CLOSE, and a wrong password is INVALID_CREDENTIALS', async () => {
    await expect(
      closeAccount(client(), { password: 'correct horse battery', confirm: 'CLOSE' }),
    ).resolves.toBeUndefined();
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({
      password: 'correct horse battery',
      confirm: 'CLOSE',
    });

    await expect(closeAccount(client(), { password: 'nope', confirm: 'CLOSE' })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
  });
});
