import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { LedgerService } from '../../src/modules/ledger/ledger.service.js';
import {
  bearerFor,
  createMember,
  createPosKey,
  createStore,
  createTestApp,
  type TestApp,
} from '../factories/app.factory.js';
import { ctx } from '../factories/ledger.factory.js';

let t: TestApp;
let pos: string;
beforeAll(async () => {
  t = await createTestApp();
  pos = await createPosKey(t.dataSource, await createStore(t.dataSource, 'Statement store'));
});
afterAll(async () => {
  await t.close();
});

describe('the member statement', () => {
  it('filters by kind and date, and refuses an unknown kind', async () => {
    const member = await createMember(t.dataSource);
    const auth = await bearerFor(t, 'member', member.id);
    const ledger = t.app.get(LedgerService);
    await ledger.earn({ ...ctx(), memberId: member.id, points: 40 });
    await ledger.redeem({ ...ctx(), memberId: member.id, points: 15 });
    await ledger.adjust({ ...ctx(), memberId: member.id, points: 5, reason: 'sorry for the wait' });
    const earns = await request(t.server())
      .get('/api/v1/me/statement?kind=earn')
      .set('authorization', auth)
      .expect(200);
    expect(earns.body.items.map((l: { kind: string }) => l.kind)).toEqual(['earn']);
    const both = await request(t.server())
      .get('/api/v1/me/statement?kind=redeem,adjust')
      .set('authorization', auth)
      .expect(200);
    expect(both.body.items.map((l: { kind: string }) => l.kind)).toEqual(['adjust', 'redeem']);
    const future = new Date(Date.now() + 60_000).toISOString();
    const none = await request(t.server())
      .get(`/api/v1/me/statement?from=${encodeURIComponent(future)}`)
      .set('authorization', auth)
      .expect(200);
    expect(none.body.items).toEqual([]);
    await request(t.server()).get('/api/v1/me/statement?kind=gift').set('authorization', auth).expect(400);
  });

  it('exports the whole statement as CSV, with formula-looking text defused', async () => {
    const member = await createMember(t.dataSource);
    const auth = await bearerFor(t, 'member', member.id);
    await t.app
      .get(LedgerService)
      .adjust({ ...ctx(), memberId: member.id, points: 7, reason: '=HYPERLINK("x")' });
    const res = await request(t.server())
      .get('/api/v1/me/statement.csv')
      .set('authorization', auth)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    const [header, line] = res.text.trim().split('\r\n');
    expect(header).toBe(
      'date,kind,description,points,available,pending,debt,balance_after,receipt,note,expires',
    );
    expect(line).toContain('"adjust"');
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('writes a redeem of 40 points in the statement CSV as the number -40, not as defused text', async () => {
    const member = await createMember(t.dataSource);
    const auth = await bearerFor(t, 'member', member.id);
    const ledger = t.app.get(LedgerService);
    await ledger.earn({ ...ctx(), memberId: member.id, points: 100 });
    await ledger.redeem({ ...ctx(), memberId: member.id, points: 40, externalRef: '-R-1' });
    const res = await request(t.server())
      .get('/api/v1/me/statement.csv')
      .set('authorization', auth)
      .expect(200);
    const redeem = res.text.split('\r\n').find((line) => line.includes('"redeem"'))!;
    // points, available, pending, debt, balance after: numbers; the receipt is text and stays guarded.
    expect(redeem).toContain(',"Points spent",-40,-40,0,0,60,"\'-R-1",');
  });

  it('opens a till receipt from the statement: its lines and how each point was earned, only for its member', async () => {
    const member = await createMember(t.dataSource);
    const auth = await bearerFor(t, 'member', member.id);
    const ref = `R-${randomUUID().slice(0, 8)}`;
    await request(t.server())
      .post('/api/v1/checkout/earn')
      .set('authorization', pos)
      .set('idempotency-key', randomUUID())
      .send({
        member: { memberId: member.id },
        receipt: {
          id: ref,
          currency: 'GBP',
          lines: [{ sku: 'tea', category: 'drinks', quantity: 3, unitPrice: 250 }],
        },
      })
      .expect(201);
    const statement = await request(t.server())
      .get('/api/v1/me/statement')
      .set('authorization', auth)
      .expect(200);
    const receiptId = statement.body.items[0].reason.receiptId;
    expect(receiptId).toMatch(/^[0-9a-f-]{36}$/);
    const receipt = await request(t.server())
      .get(`/api/v1/me/receipts/${receiptId}`)
      .set('authorization', auth)
      .expect(200);
    expect(receipt.body).toMatchObject({
      receiptRef: ref,
      store: { name: 'Statement store' },
      lines: [{ sku: 'tea', quantity: 3, unitPrice: 250 }],
      points: 7,
      earnLines: [{ source: 'base', points: 7 }],
    });
    const stranger = await bearerFor(t, 'member', (await createMember(t.dataSource)).id);
    await request(t.server())
      .get(`/api/v1/me/receipts/${receiptId}`)
      .set('authorization', stranger)
      .expect(404);
  });
});
