import { ProgrammeService } from '../../src/modules/programme/programme.service.js';
import { createMember, createTestApp, type TestApp } from '../factories/app.factory.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('tier review job', () => {
  it('moves members whose rolling 12 months no longer qualify down a tier, once, even with two workers at it', async () => {
    const members = await Promise.all(Array.from({ length: 6 }, () => createMember(t.dataSource)));
    const ids = members.map((m) => m.id);
    // Gold once, but nothing earned in the last 12 months (no journals at all).
    await t.dataSource.query(
      `UPDATE member SET tier_id = 'gold', tier_reviewed_at = NULL WHERE id = ANY($1)`,
      [ids],
    );

    const programmes = t.app.get(ProgrammeService);
    let reviewed = 0;
    for (let round = 0; round < 50; round += 1) {
      const [a, b] = await Promise.all([programmes.reviewTiers(25), programmes.reviewTiers(25)]);
      reviewed += a.reviewed + b.reviewed;
      const left = await t.dataSource.query<{ n: string }[]>(
        `SELECT count(*)::text AS n FROM member WHERE id = ANY($1) AND tier_id = 'gold'`,
        [ids],
      );
      if (left[0]!.n === '0') break;
    }
    expect(reviewed).toBeGreaterThanOrEqual(ids.length);
    const tiers = await t.dataSource.query<{ tier_id: string }[]>(
      `SELECT tier_id FROM member WHERE id = ANY($1)`,
      [ids],
    );
    expect(tiers.map((r) => r.tier_id)).toEqual(ids.map(() => 'member'));
    const changes = await t.dataSource.query<{ member_id: string; from_tier: string; cause: string }[]>(
      `SELECT member_id, from_tier, cause FROM tier_change WHERE member_id = ANY($1)`,
      [ids],
    );
    expect(changes).toHaveLength(ids.length);
    expect(changes.every((c) => c.from_tier === 'gold' && c.cause === 'rolling 12-month review')).toBe(true);
  });
});
