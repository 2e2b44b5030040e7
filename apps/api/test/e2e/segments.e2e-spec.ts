import { randomUUID } from 'node:crypto';
import { DEFAULT_PROGRAMME, type SegmentRuleInput } from '@tally/domain';
import request from 'supertest';
import { CampaignsService } from '../../src/modules/campaigns/campaigns.service.js';
import { SegmentsService } from '../../src/modules/segments/segments.service.js';
import {
  bearerFor,
  createMember,
  createPosKey,
  createStaff,
  createStore,
  createTestApp,
  setProgramme,
  type TestApp,
} from '../factories/app.factory.js';

let t: TestApp;
let marketing: string;
let manager: string;
let cashier: string;
let pos: string;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms);

beforeAll(async () => {
  t = await createTestApp();
  const till = await createStore(t.dataSource, 'Segment till');
  pos = await createPosKey(t.dataSource, till);
  marketing = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'marketing')).id);
  manager = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'manager', [till])).id);
  cashier = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'cashier', [till])).id);
  await setProgramme(t, { ...DEFAULT_PROGRAMME, pendingDays: 0 });
});
afterAll(async () => {
  await setProgramme(t, DEFAULT_PROGRAMME);
  await t.close();
});

/**
 * Counts are over every member in the database, so each test keeps to its own members: they all
 * joined on a calendar day no other test uses, and the count adds a rule for that day.
 */
let dayCounter = 0;
function isolatedDay(): string {
  const base = Date.UTC(1920, 0, 1) + Math.floor(Math.random() * 25_000) * DAY;
  dayCounter += 1;
  return new Date(base + dayCounter * DAY).toISOString().slice(0, 10);
}

async function member(
  options: { joined?: Date; tierId?: string | null; birthday?: string | null } = {},
): Promise<string> {
  const { id } = await createMember(t.dataSource);
  await t.dataSource.query(
    `UPDATE member SET created_at = coalesce($2, created_at), tier_id = $3, birthday = $4 WHERE id = $1`,
    [id, options.joined ?? null, options.tierId ?? null, options.birthday ?? null],
  );
  return id;
}

/** A receipt as the till would have stored it, at a chosen time. */
async function receipt(memberId: string, storeId: string, at: Date, eligibleAmount = 1000): Promise<string> {
  const [row] = await t.dataSource.query<[{ id: string }]>(
    `INSERT INTO receipt (store_id, receipt_ref, member_id, currency, lines, total_amount, eligible_amount, earned_points,
                          earn_lines, actor_type, actor_id, idempotency_scope, idempotency_key, request_hash, created_at)
     VALUES ($1, $2, $3, 'GBP', '[]', $4, $4, 0, '[]', 'pos', 'test', 'test', $2, 'test', $5) RETURNING id`,
    [storeId, `R-${randomUUID()}`, memberId, eligibleAmount, at],
  );
  return row.id;
}

async function refund(receiptId: string, eligibleAmount: number): Promise<void> {
  await t.dataSource.query(
    `INSERT INTO receipt_refund (receipt_id, lines, eligible_amount, points_reversed, actor_type, actor_id,
                                 idempotency_scope, idempotency_key, request_hash)
     VALUES ($1, '[]', $2, 0, 'pos', 'test', 'test', $3, 'test')`,
    [receiptId, eligibleAmount, randomUUID()],
  );
}

async function count(rules: SegmentRuleInput[]): Promise<number> {
  const res = await request(t.server())
    .post('/api/v1/segments/count')
    .set('authorization', marketing)
    .send({ definition: { rules } })
    .expect(200);
  return res.body.members as number;
}

const joinedOn = (day: string): SegmentRuleInput => ({ kind: 'signUp', from: day, to: day });
const noon = (day: string) => new Date(`${day}T12:00:00Z`);
const segmentCount = async () =>
  Number((await t.dataSource.query<[{ n: string }]>('SELECT count(*) AS n FROM segment'))[0].n);

async function saveSegment(rules: SegmentRuleInput[], name = `Segment ${randomUUID().slice(0, 8)}`) {
  const res = await request(t.server())
    .post('/api/v1/segments')
    .set('authorization', marketing)
    .send({ name, rules })
    .expect(201);
  return res.body as { id: string; version: number; definition: { name: string } };
}

describe('segment rules: each counts exactly the members inside its boundary', () => {
  it('tier: members holding one of the tiers, active ones only', async () => {
    const day = isolatedDay();
    await member({ joined: noon(day), tierId: 'gold' });
    await member({ joined: noon(day), tierId: 'silver' });
    await member({ joined: noon(day), tierId: null });
    const closed = await member({ joined: noon(day), tierId: 'gold' });
    await t.dataSource.query(
      `UPDATE member SET status = 'closed', email = NULL, password_hash = NULL, phone = NULL, birthday = NULL WHERE id = $1`,
      [closed],
    );
    expect(await count([joinedOn(day), { kind: 'tier', tierIds: ['gold'] }])).toBe(1);
    expect(await count([joinedOn(day), { kind: 'tier', tierIds: ['gold', 'silver'] }])).toBe(2);
  });

  it('spend in a period: eligible spend of the period’s receipts, less what was refunded of them', async () => {
    const day = isolatedDay();
    const store = await createStore(t.dataSource);
    const exactly = await member({ joined: noon(day) });
    await receipt(exactly, store, ago(30 * DAY - HOUR), 6_000);
    await receipt(exactly, store, ago(DAY), 4_000);
    const justShort = await member({ joined: noon(day) });
    await receipt(justShort, store, ago(DAY), 9_999);
    const tooLongAgo = await member({ joined: noon(day) });
    await receipt(tooLongAgo, store, ago(30 * DAY + HOUR), 10_000);
    await receipt(tooLongAgo, store, ago(DAY), 9_000);
    const refunded = await member({ joined: noon(day) });
    await refund(await receipt(refunded, store, ago(2 * DAY), 12_000), 2_001);
    await member({ joined: noon(day) }); // spent nothing

    expect(await count([joinedOn(day), { kind: 'spend', days: 30, min: 10_000 }])).toBe(1);
    // "At most": the member who spent nothing counts too; 9 999 and 9 000 are at most 9 999.
    const atMost = await count([joinedOn(day), { kind: 'spend', days: 30, max: 9_999 }]);
    expect(atMost).toBe(4);
    expect(await count([joinedOn(day), { kind: 'spend', days: 30, min: 9_999, max: 9_999 }])).toBe(2);
  });

  it('visits in a period: receipts counted between the minimum and maximum', async () => {
    const day = isolatedDay();
    const store = await createStore(t.dataSource);
    const visits = async (times: number[]) => {
      const id = await member({ joined: noon(day) });
      for (const at of times) await receipt(id, store, ago(at));
      return id;
    };
    await visits([DAY]); // 1: too few
    await visits([DAY, 7 * DAY - HOUR]); // 2: in
    await visits([DAY, 2 * DAY, 3 * DAY]); // 3: in
    await visits([DAY, 2 * DAY, 3 * DAY, 4 * DAY]); // 4: too many
    await visits([DAY, 7 * DAY + HOUR]); // 1 inside the week: too few
    expect(await count([joinedOn(day), { kind: 'visits', days: 7, min: 2, max: 3 }])).toBe(2);
    expect(await count([joinedOn(day), { kind: 'visits', days: 7, max: 1 }])).toBe(2);
  });

  it('last purchase: within the period, or lapsed (bought before, nothing for N days; never-buyers are not lapsed)', async () => {
    const day = isolatedDay();
    const store = await createStore(t.dataSource);
    const recent = await member({ joined: noon(day) });
    await receipt(recent, store, ago(14 * DAY - HOUR));
    const notQuite = await member({ joined: noon(day) });
    await receipt(notQuite, store, ago(14 * DAY + HOUR));
    await member({ joined: noon(day) }); // never bought
    expect(await count([joinedOn(day), { kind: 'lastPurchase', mode: 'within', days: 14 }])).toBe(1);
    expect(await count([joinedOn(day), { kind: 'lastPurchase', mode: 'notWithin', days: 14 }])).toBe(1);

    const lapsed = await member({ joined: noon(day) });
    await receipt(lapsed, store, ago(400 * DAY));
    await receipt(lapsed, store, ago(90 * DAY + HOUR));
    const stillBuying = await member({ joined: noon(day) });
    await receipt(stillBuying, store, ago(400 * DAY));
    await receipt(stillBuying, store, ago(90 * DAY - HOUR));
    // Lapsed for 90 days: `lapsed` only (recent, notQuite and stillBuying bought since; one never did).
    expect(await count([joinedOn(day), { kind: 'lastPurchase', mode: 'notWithin', days: 90 }])).toBe(1);
  });

  it('store: bought at one of the stores within the period', async () => {
    const day = isolatedDay();
    const camden = await createStore(t.dataSource, 'Camden');
    const leeds = await createStore(t.dataSource, 'Leeds');
    const other = await createStore(t.dataSource, 'Elsewhere');
    const atCamden = await member({ joined: noon(day) });
    await receipt(atCamden, camden, ago(60 * DAY - HOUR));
    const tooLongAgo = await member({ joined: noon(day) });
    await receipt(tooLongAgo, camden, ago(60 * DAY + HOUR));
    await receipt(tooLongAgo, other, ago(DAY));
    const atLeeds = await member({ joined: noon(day) });
    await receipt(atLeeds, leeds, ago(DAY));
    expect(await count([joinedOn(day), { kind: 'store', storeIds: [camden], days: 60 }])).toBe(1);
    expect(await count([joinedOn(day), { kind: 'store', storeIds: [camden, leeds], days: 60 }])).toBe(2);
  });

  it('birthday month: a named month, or the month it is now', async () => {
    const day = isolatedDay();
    for (const birthday of ['1990-03-01', '1985-03-31', '1990-04-01', '1990-02-28', null])
      await member({ joined: noon(day), birthday });
    expect(await count([joinedOn(day), { kind: 'birthdayMonth', month: 3 }])).toBe(2);

    const thisMonth = new Date().getUTCMonth() + 1;
    const otherMonth = (thisMonth % 12) + 1;
    const pad = (m: number) => String(m).padStart(2, '0');
    const now = isolatedDay();
    await member({ joined: noon(now), birthday: `1991-${pad(thisMonth)}-15` });
    await member({ joined: noon(now), birthday: `1991-${pad(otherMonth)}-15` });
    expect(await count([joinedOn(now), { kind: 'birthdayMonth', month: 'current' }])).toBe(1);
  });

  it('sign-up date: within the last N days, or between two dates with both days included', async () => {
    const store = await createStore(t.dataSource);
    const joined = async (at: Date) => {
      const id = await member({ joined: at });
      await receipt(id, store, ago(HOUR));
    };
    const inStore: SegmentRuleInput = { kind: 'store', storeIds: [store], days: 1 };
    await joined(ago(30 * DAY - HOUR));
    await joined(ago(30 * DAY + HOUR));
    expect(await count([inStore, { kind: 'signUp', withinDays: 30 }])).toBe(1);

    await joined(new Date('2024-01-01T00:00:00.000Z'));
    await joined(new Date('2024-01-31T23:59:59.999Z'));
    await joined(new Date('2023-12-31T23:59:59.999Z'));
    await joined(new Date('2024-02-01T00:00:00.000Z'));
    expect(await count([inStore, { kind: 'signUp', from: '2024-01-01', to: '2024-01-31' }])).toBe(2);
    expect(await count([inStore, { kind: 'signUp', to: '2024-01-31' }])).toBe(3);
  });

  it('combines rules with AND: a member must match every one', async () => {
    const day = isolatedDay();
    const store = await createStore(t.dataSource);
    const goldRegular = await member({ joined: noon(day), tierId: 'gold' });
    await receipt(goldRegular, store, ago(DAY));
    await member({ joined: noon(day), tierId: 'gold' });
    const silverRegular = await member({ joined: noon(day), tierId: 'silver' });
    await receipt(silverRegular, store, ago(DAY));
    const rules: SegmentRuleInput[] = [
      joinedOn(day),
      { kind: 'tier', tierIds: ['gold'] },
      { kind: 'visits', days: 30, min: 1 },
    ];
    expect(await count(rules)).toBe(1);
    expect(await count(rules.slice(0, 2))).toBe(2);
    expect(await count([rules[0]!, rules[2]!])).toBe(2);
  });
});

describe('segments: saving, editing and archiving', () => {
  it('saves a segment, shows its member count and the campaigns that use it, and audits every change', async () => {
    const day = isolatedDay();
    await member({ joined: noon(day), tierId: 'gold' });
    await member({ joined: noon(day), tierId: 'silver' });
    const created = await saveSegment([joinedOn(day), { kind: 'tier', tierIds: ['gold'] }]);
    expect(created.version).toBe(1);

    const detail = await request(t.server())
      .get(`/api/v1/segments/${created.id}`)
      .set('authorization', manager)
      .expect(200);
    expect(detail.body).toMatchObject({ id: created.id, memberCount: 1, archived: false, campaigns: [] });

    const edited = await request(t.server())
      .put(`/api/v1/segments/${created.id}`)
      .set('authorization', marketing)
      .send({
        version: 1,
        definition: {
          name: created.definition.name,
          rules: [joinedOn(day), { kind: 'tier', tierIds: ['gold', 'silver'] }],
        },
      })
      .expect(200);
    expect(edited.body.version).toBe(2);
    expect(
      (await request(t.server()).get(`/api/v1/segments/${created.id}`).set('authorization', marketing)).body
        .memberCount,
    ).toBe(2);

    const list = await request(t.server())
      .get('/api/v1/segments')
      .set('authorization', marketing)
      .expect(200);
    expect(list.body.items[0]).toMatchObject({ id: created.id, version: 2 });

    await request(t.server())
      .delete(`/api/v1/segments/${created.id}`)
      .set('authorization', marketing)
      .expect(200);
    const archived = await request(t.server())
      .get('/api/v1/segments?status=archived')
      .set('authorization', marketing)
      .expect(200);
    expect(archived.body.items.map((s: { id: string }) => s.id)).toContain(created.id);
    const active = await request(t.server()).get('/api/v1/segments').set('authorization', marketing);
    expect(active.body.items.map((s: { id: string }) => s.id)).not.toContain(created.id);

    const audit = await t.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id`,
      [created.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['segment.created', 'segment.edited', 'segment.archived']);
  });

  it('refuses an edit based on an older version and keeps the newer one', async () => {
    const created = await saveSegment([{ kind: 'visits', days: 30, min: 1 }]);
    const put = (version: number, min: number) =>
      request(t.server())
        .put(`/api/v1/segments/${created.id}`)
        .set('authorization', marketing)
        .send({
          version,
          definition: { name: created.definition.name, rules: [{ kind: 'visits', days: 30, min }] },
        });
    await put(1, 2).expect(200);
    const stale = await put(1, 5).expect(409);
    expect(stale.body.code).toBe('SEGMENT_VERSION_CONFLICT');
    const stored = await request(t.server())
      .get(`/api/v1/segments/${created.id}`)
      .set('authorization', marketing);
    expect(stored.body).toMatchObject({ version: 2, definition: { rules: [{ kind: 'visits', min: 2 }] } });
  });

  it('refuses a second segment with the same name until the first is archived', async () => {
    const name = `Regulars ${randomUUID().slice(0, 8)}`;
    const first = await saveSegment([{ kind: 'visits', days: 30, min: 1 }], name);
    const again = await request(t.server())
      .post('/api/v1/segments')
      .set('authorization', marketing)
      .send({ name: name.toUpperCase(), rules: [{ kind: 'visits', days: 7, min: 1 }] })
      .expect(409);
    expect(again.body).toMatchObject({ code: 'SEGMENT_NAME_TAKEN', errors: [{ field: 'name' }] });
    await request(t.server())
      .delete(`/api/v1/segments/${first.id}`)
      .set('authorization', marketing)
      .expect(200);
    await saveSegment([{ kind: 'visits', days: 7, min: 1 }], name);
    const edit = await request(t.server())
      .put(`/api/v1/segments/${first.id}`)
      .set('authorization', marketing)
      .send({ version: 1, definition: { name: 'Revived', rules: [{ kind: 'visits', days: 7, min: 1 }] } })
      .expect(409);
    expect(edit.body.code).toBe('SEGMENT_ARCHIVED');
  });

  const store = randomUUID();
  const refusals: [string, object, string][] = [
    [
      'a minimum above the maximum',
      { rules: [{ kind: 'spend', days: 30, min: 500, max: 100 }] },
      'rules.0.max',
    ],
    ['no rules', { rules: [] }, 'rules'],
    ['an unknown kind of rule', { rules: [{ kind: 'shoe-size', size: 9 }] }, 'rules.0.kind'],
    ['zero days', { rules: [{ kind: 'visits', days: 0, min: 1 }] }, 'rules.0.days'],
    ['month 13', { rules: [{ kind: 'birthdayMonth', month: 13 }] }, 'rules.0.month'],
    [
      'a tier the programme does not have',
      { rules: [{ kind: 'tier', tierIds: ['platinum'] }] },
      'rules.0.tierIds',
    ],
    [
      'a store that does not exist',
      { rules: [{ kind: 'store', storeIds: [store], days: 3 }] },
      'rules.0.storeIds',
    ],
    ['no name', { name: '', rules: [{ kind: 'visits', days: 3, min: 1 }] }, 'name'],
  ];
  it.each(refusals.map(([what, body, field]) => [what, field, body] as const))(
    'refuses %s, naming %s, and writes nothing',
    async (_, field, body) => {
      const before = await segmentCount();
      const res = await request(t.server())
        .post('/api/v1/segments')
        .set('authorization', marketing)
        .send({ name: 'Invalid segment', ...body })
        .expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await segmentCount()).toBe(before);
    },
  );

  it('names the field inside the body on an edit and on a count', async () => {
    const created = await saveSegment([{ kind: 'visits', days: 30, min: 1 }]);
    const edit = await request(t.server())
      .put(`/api/v1/segments/${created.id}`)
      .set('authorization', marketing)
      .send({
        version: 1,
        definition: { name: created.definition.name, rules: [{ kind: 'visits', days: 30, min: 3, max: 1 }] },
      })
      .expect(400);
    expect(edit.body.errors.map((e: { field: string }) => e.field)).toEqual(['definition.rules.0.max']);
    const counted = await request(t.server())
      .post('/api/v1/segments/count')
      .set('authorization', marketing)
      .send({ definition: { rules: [{ kind: 'tier', tierIds: ['platinum'] }] } })
      .expect(400);
    expect(counted.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'definition.rules.0.tierIds',
    ]);
    expect(
      (await request(t.server()).get(`/api/v1/segments/${created.id}`).set('authorization', marketing)).body
        .version,
    ).toBe(1);
  });

  it('lets managers read and count but not change segments, and cashiers do neither', async () => {
    const rules = [{ kind: 'visits', days: 30, min: 1 }];
    await request(t.server()).get('/api/v1/segments').set('authorization', manager).expect(200);
    await request(t.server())
      .post('/api/v1/segments/count')
      .set('authorization', manager)
      .send({ definition: { rules } })
      .expect(200);
    await request(t.server())
      .post('/api/v1/segments')
      .set('authorization', manager)
      .send({ name: 'Nope', rules })
      .expect(403);
    await request(t.server()).get('/api/v1/segments').set('authorization', cashier).expect(403);
  });
});

describe('campaigns that target segments', () => {
  const HOUR_ISO = (ms: number) => new Date(Date.now() + ms).toISOString();

  function draft(segments: string[], category = `seg-${randomUUID().slice(0, 8)}`) {
    return request(t.server())
      .post('/api/v1/campaigns')
      .set('authorization', marketing)
      .send({
        name: 'Regulars get a bonus',
        window: { startsAt: HOUR_ISO(-HOUR), endsAt: HOUR_ISO(24 * HOUR) },
        audience: { segments },
        basket: { categories: [category] },
        effect: { type: 'bonus', points: 50 },
      });
  }
  const act = (id: string, action: string) =>
    request(t.server()).post(`/api/v1/campaigns/${id}/${action}`).set('authorization', marketing).send({});

  it('adds the campaign’s points at the till only for a member in the segment', async () => {
    const regularsStore = await createStore(t.dataSource, 'Regulars’ store');
    const segment = await saveSegment([{ kind: 'store', storeIds: [regularsStore], days: 30 }]);
    const category = `seg-${randomUUID().slice(0, 8)}`;
    const created = await draft([segment.id], category).expect(201);
    expect(created.body.definition.audience.segments).toEqual([segment.id]);
    await act(created.body.id, 'schedule').expect(200);

    const regular = await member();
    await receipt(regular, regularsStore, ago(DAY));
    const stranger = await member();
    const earn = (memberId: string) =>
      request(t.server())
        .post('/api/v1/checkout/earn')
        .set('authorization', pos)
        .set('idempotency-key', randomUUID())
        .send({
          member: { memberId },
          receipt: {
            id: `R-${randomUUID().slice(0, 8)}`,
            currency: 'GBP',
            lines: [{ sku: 'latte', category, quantity: 1, unitPrice: 1000 }],
          },
        })
        .expect(201);
    const regularSale = await earn(regular);
    expect(regularSale.body.points).toBe(60);
    expect(regularSale.body.lines).toContainEqual(
      expect.objectContaining({ source: 'campaign', campaignId: created.body.id, points: 50 }),
    );
    const strangerSale = await earn(stranger);
    expect(strangerSale.body.points).toBe(10);

    // While the campaign is live the segment cannot be archived; once it ended, it can.
    const refused = await request(t.server())
      .delete(`/api/v1/segments/${segment.id}`)
      .set('authorization', marketing)
      .expect(409);
    expect(refused.body.code).toBe('SEGMENT_IN_USE');
    const detail = await request(t.server())
      .get(`/api/v1/segments/${segment.id}`)
      .set('authorization', marketing);
    expect(detail.body.campaigns).toEqual([
      { id: created.body.id, name: 'Regulars get a bonus', status: 'live' },
    ]);
    await act(created.body.id, 'end').expect(200);
    await request(t.server())
      .delete(`/api/v1/segments/${segment.id}`)
      .set('authorization', marketing)
      .expect(200);
  });

  it('asks the database about a member’s segments once per sale, and not at all when no campaign targets one', async () => {
    const campaigns = t.app.get(CampaignsService);
    const segments = t.app.get(SegmentsService);
    // Counts the membership queries the till asks for (the real query still runs).
    const original = segments.membership.bind(segments);
    let queries = 0;
    segments.membership = (...args) => {
      queries += 1;
      return original(...args);
    };
    try {
      const id = await member();
      const at = { now: new Date(), timeZone: 'Europe/London' };
      const till = await campaigns.atTill(new Date());
      const untargeted = { ...till, rules: till.rules.filter((r) => r.audience.segments.length === 0) };
      expect(await campaigns.memberSegments(id, untargeted, at)).toEqual([]);
      expect(queries).toBe(0);

      const a = await saveSegment([{ kind: 'visits', days: 30, max: 0 }]);
      const b = await saveSegment([{ kind: 'visits', days: 30, min: 1 }]);
      const rule = (segmentIds: string[]) => ({
        ...till.rules[0]!,
        id: randomUUID(),
        audience: { tierIds: [], segments: segmentIds, newMembersWithinDays: null, birthdayMonth: false },
      });
      const targeted = {
        ...untargeted,
        rules: [rule([a.id]), rule([a.id, b.id])],
        segments: await segments.rulesOf([a.id, b.id]),
      };
      expect(await campaigns.memberSegments(id, targeted, at)).toEqual([a.id]);
      expect(queries).toBe(1);
    } finally {
      segments.membership = original;
    }
  });

  it('refuses a campaign naming a segment that is not saved or is archived, naming audience.segments', async () => {
    const missing = await draft([randomUUID()]).expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['audience.segments.0']);
    const segment = await saveSegment([{ kind: 'visits', days: 30, min: 1 }]);
    const ok = await draft([segment.id]).expect(201);
    await request(t.server())
      .delete(`/api/v1/segments/${segment.id}`)
      .set('authorization', marketing)
      .expect(200);
    const archived = await draft([segment.id]).expect(400);
    expect(archived.body.errors).toEqual([
      { field: 'audience.segments.0', message: expect.stringContaining('is archived') },
    ]);
    // The draft made before the archive cannot go out with it.
    const scheduled = await act(ok.body.id, 'schedule').expect(400);
    expect(scheduled.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'definition.audience.segments.0',
    ]);
  });

  it('previews a campaign with segments as if the sample member were in them', async () => {
    const segment = await saveSegment([{ kind: 'visits', days: 30, min: 1 }]);
    const category = `seg-${randomUUID().slice(0, 8)}`;
    const definition = {
      name: 'Preview regulars',
      window: { startsAt: HOUR_ISO(-HOUR), endsAt: null },
      audience: { segments: [segment.id] },
      basket: { categories: [category] },
      effect: { type: 'bonus', points: 50 },
    };
    const sale = {
      id: 'preview',
      currency: 'GBP',
      lines: [{ sku: 'x', category, quantity: 1, unitPrice: 1000 }],
    };
    const assumed = await request(t.server())
      .post('/api/v1/campaigns/preview')
      .set('authorization', marketing)
      .send({ definition, receipt: sale })
      .expect(200);
    expect(assumed.body.campaignPoints).toBe(50);
    const outside = await request(t.server())
      .post('/api/v1/campaigns/preview')
      .set('authorization', marketing)
      .send({ definition, receipt: sale, member: { segments: [] } })
      .expect(200);
    expect(outside.body.campaignPoints).toBe(0);
  });
});
