import { createTallyApiClient } from '@tally/ui';
import { sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { loginResponse, staffUser } from '../../../../test/fixtures';
import { acceptInvitation } from '../accept-invitation';

const TOKEN = 'tlk_0123456789abcdefghijklmnop';

describe(acceptInvitation.name, () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      'POST /api/v1/auth/invitation/accept': (req, res) =>
        (JSON.parse(req.body) as { token: string }).token === TOKEN
          ? sendJson(res, 200, loginResponse(staffUser('cashier')))
          : sendProblem(res, 400, { code: 'INVALID_TOKEN', title: 'This link is not valid any more' }),
    });
  });

  afterAll(() => server.close());

  const client = () => createTallyApiClient('console', { baseUrl: server.baseUrl });

  it('sets the password and answers the signed-in user, without the tokens', async () => {
    const user = await acceptInvitation(client(), {
      token: TOKEN,
      password: 'a long password',
      name: 'Cass',
    });

    expect(user).toEqual(staffUser('cashier'));
    expect(JSON.parse(server.requests.at(-1)?.body ?? '')).toEqual({
      token: TOKEN,
      password: 'a long password',
      name: 'Cass',
    });
  });

  it('reports a used or expired link as INVALID_TOKEN', async () => {
    await expect(
      acceptInvitation(client(), { token: 'tlk_used_used_used_used_used', password: 'a long password' }),
    ).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
  });
});
