import type { Member, SignUpRequest } from '@tally/domain';
import { ApiError, createTallyApiClient } from '@tally/ui';
import { sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { loginResponse, me, member } from '../../../../test/fixtures';
import { createMember, signUp } from '../create-member';

const created: Member = {
  id: me.id,
  cardNumber: me.cardNumber,
  email: me.email,
  name: me.name,
  phone: null,
  birthday: null,
  marketingConsent: true,
  status: 'active',
  createdAt: me.createdAt,
};

const request: SignUpRequest = {
  email: 'ada@example.com',
  password: 'correct horse battery',
  name: 'Ada Lovelace',
  marketingConsent: true,
};

describe('sign-up API', () => {
  let server: TestServer;
  let loginWorks: boolean;

  beforeAll(async () => {
    server = await startTestServer({
      'POST /api/v1/members': (req, res) => {
        const body = JSON.parse(req.body) as SignUpRequest;
        if (body.email === 'taken@example.com') {
          return sendProblem(res, 409, {
            code: 'EMAIL_TAKEN',
            title: 'An account with this email already exists',
          });
        }
        sendJson(res, 201, created);
      },
      'POST /api/v1/auth/login': (_req, res) =>
        loginWorks
          ? sendJson(res, 200, loginResponse(member))
          : sendProblem(res, 429, { code: 'TOO_MANY_ATTEMPTS', title: 'Too many attempts' }),
    });
  });

  beforeEach(() => {
    server.requests.length = 0;
    loginWorks = true;
  });

  afterAll(() => server.close());

  const client = () => createTallyApiClient('portal', { baseUrl: server.baseUrl });

  it('createMember posts the sign-up and parses the new member', async () => {
    await expect(createMember(client(), request)).resolves.toEqual(created);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual(request);
    expect(server.requests[0]?.headers['x-tally-client']).toBe('portal');
  });

  it('signUp joins, then signs in with the same credentials as a member', async () => {
    await expect(signUp(client(), request)).resolves.toEqual(member);

    expect(server.requests.map((r) => r.url)).toEqual(['/api/v1/members', '/api/v1/auth/login']);
    expect(JSON.parse(server.requests[1]?.body ?? '')).toEqual({
      email: request.email,
      password: request.password,
      audience: 'member',
    });
  });

  it('signUp stops at EMAIL_TAKEN without trying to sign in', async () => {
    await expect(signUp(client(), { ...request, email: 'taken@example.com' })).rejects.toMatchObject({
      status: 409,
      code: 'EMAIL_TAKEN',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('says the account is ready when joining worked but signing in did not', async () => {
    loginWorks = false;

    const error: unknown = await signUp(client(), request).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      title: 'Your account is ready, but signing you in failed',
    });
  });
});
