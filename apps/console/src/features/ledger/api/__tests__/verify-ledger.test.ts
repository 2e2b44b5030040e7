import type { LedgerVerifyReport } from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import { sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { verifyLedger } from '../verify-ledger';

const report: LedgerVerifyReport = {
  ok: false,
  checkedAt: '2025-03-03T14:05:00.000Z',
  checks: [
    { name: 'journals_balance', ok: true, detail: 'every journal sums to zero' },
    { name: 'floors', ok: false, detail: '1 account below its floor' },
  ],
};

describe(verifyLedger.name, () => {
  let server: TestServer;
  let allowed: boolean;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/admin/ledger/verify': (_req, res) =>
        allowed
          ? sendJson(res, 200, report)
          : sendProblem(res, 403, {
              code: 'FORBIDDEN',
              title: 'Not allowed',
              detail: 'The manager role may not do this.',
            }),
    });
  });

  afterAll(() => server.close());

  const client = () => createTallyApiClient('console', { baseUrl: server.baseUrl });

  it('reads the report, failed checks included', async () => {
    allowed = true;
    await expect(verifyLedger(client())).resolves.toEqual(report);
  });

  it('passes on a 403 as a typed error', async () => {
    allowed = false;
    await expect(verifyLedger(client())).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });
});
