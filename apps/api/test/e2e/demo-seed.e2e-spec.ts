import request from 'supertest';
import { DEMO_MEMBERS, DEMO_PASSWORD, DEMO_POS_KEY, DEMO_STAFF } from '../../src/modules/demo/demo-data.js';
import { DemoSeedService } from '../../src/modules/demo/demo-seed.service.js';
import { LedgerVerifyService } from '../../src/modules/ledger/ledger-verify.service.js';
import { createTestApp } from '../factories/app.factory.js';
import { freshDatabase } from '../setup/test-database.js';

describe('the demo business', () => {
  it('is created on an empty database: every documented login and the POS key work, the ledger balances', async () => {
    const db = await freshDatabase();
    const t = await createTestApp({ DEMO_SEED: 'true' }, db.url);
    try {
      for (const staff of DEMO_STAFF) {
        const res = await request(t.server())
          .post('/api/v1/auth/login')
          .send({ email: staff.email, password: DEMO_PASSWORD, audience: 'staff' });
        expect([staff.email, res.status, res.body.user?.role]).toEqual([staff.email, 200, staff.role]);
      }
      const alice = await request(t.server())
        .post('/api/v1/auth/login')
        .send({ email: DEMO_MEMBERS[0].email, password: DEMO_PASSWORD })
        .expect(200);
      const me = await request(t.server())
        .get('/api/v1/me')
        .set('authorization', `Bearer ${alice.body.accessToken}`)
        .expect(200);
      expect(me.body.balance).toEqual({ available: 350, pending: 95, held: 0, debt: 0 });
      await request(t.server())
        .get(`/api/v1/members/${me.body.id}/balance`)
        .set('authorization', `Bearer ${DEMO_POS_KEY.key}`)
        .expect(200);
      expect((await t.app.get(LedgerVerifyService).verify()).ok).toBe(true);
      // The ideas board has something to show: four public ideas (one more waits for review).
      const roadmap = await request(t.server()).get('/api/v1/ideas/roadmap').expect(200);
      expect(roadmap.body.shipped.map((i: { title: string }) => i.title)).toEqual([
        'Refill station for cleaning products',
      ]);
      expect(roadmap.body.planned).toHaveLength(1);
      const board = await request(t.server()).get('/api/v1/ideas').expect(200);
      expect(board.body.items).toHaveLength(4);
      expect(await t.app.get(DemoSeedService).seed()).toBe(false);
    } finally {
      await t.close();
      await db.drop();
    }
  });

  it('is never created in production', async () => {
    const db = await freshDatabase();
    const t = await createTestApp({ NODE_ENV: 'production', DEMO_SEED: 'true' }, db.url);
    try {
      const [{ n }] = await t.dataSource.query<[{ n: number }]>('SELECT count(*)::int AS n FROM staff_user');
      expect(n).toBe(0);
    } finally {
      await t.close();
      await db.drop();
    }
  });
});
