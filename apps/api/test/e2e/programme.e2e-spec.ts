import { DEFAULT_PROGRAMME, PublicProgrammeSchema } from '@tally/domain';
import request from 'supertest';
import {
  bearerFor,
  createMember,
  createTestApp,
  setProgramme,
  type TestApp,
} from '../factories/app.factory.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const api = () => request(t.server());

describe('GET /api/v1/programme/public', () => {
  it('answers a signed-out visitor with the member-safe rules and without staff-only settings', async () => {
    const res = await api().get('/api/v1/programme/public');
    expect(res.status).toBe(200);
    expect(PublicProgrammeSchema.strict().parse(res.body)).toEqual(
      PublicProgrammeSchema.parse(DEFAULT_PROGRAMME),
    );
    expect(res.body).not.toHaveProperty('cashierLimits');
    expect(res.body).not.toHaveProperty('pointValueMilli');
  });

  it('follows the saved settings, while members still cannot read the full programme', async () => {
    const saved = { ...DEFAULT_PROGRAMME, pendingDays: 0, expiryMonths: null, tierBasis: 'spend' as const };
    // Worse for members, so set directly (through the API it would need notice: programme-changes spec).
    await setProgramme(t, saved);

    const member = await bearerFor(t, 'member', (await createMember(t.dataSource)).id);
    const res = await api().get('/api/v1/programme/public').set('authorization', member);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ pendingDays: 0, expiryMonths: null, tierBasis: 'spend' });
    expect(res.body).not.toHaveProperty('cashierLimits');

    expect((await api().get('/api/v1/programme').set('authorization', member)).status).toBe(403);

    // Leave the defaults for the other tests sharing this database.
    await setProgramme(t, DEFAULT_PROGRAMME);
  });
});
