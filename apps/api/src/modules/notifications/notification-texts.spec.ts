import { type DebitJournal, debitNotice } from './notification-texts.js';

const journal = (d: Partial<DebitJournal>): DebitJournal => ({
  memberId: '00000000-0000-4000-8000-000000000001',
  journalId: '00000000-0000-4000-8000-000000000002',
  kind: 'reverse',
  points: 40,
  reason: null,
  externalRef: null,
  metadata: null,
  toDebt: 0,
  forgiven: 0,
  storeName: null,
  ...d,
});

describe(debitNotice.name, () => {
  it.each<[string, Partial<DebitJournal>, { kind: string; title: string; body: string }]>([
    [
      'a refund whose spent points were let go',
      { externalRef: 'R-1', forgiven: 10 },
      {
        kind: 'points_reversed',
        title: '40 points taken back for a refund',
        body: 'Receipt R-1 was refunded, so the points it earned were taken back. You had already spent 10 of them: we have let those go.',
      },
    ],
    [
      'a refund of one point, nothing spent',
      { points: 1, externalRef: 'R-2' },
      {
        kind: 'points_reversed',
        title: '1 point taken back for a refund',
        body: 'Receipt R-2 was refunded, so the points it earned were taken back.',
      },
    ],
    [
      'a cancelled idea bonus',
      {
        points: 200,
        reason: 'Idea declined within the hold period',
        metadata: { ideaId: 'x', ideaBonus: 'accepted' },
      },
      {
        kind: 'points_reversed',
        title: 'Idea bonus cancelled: 200 points',
        body: 'Idea declined within the hold period, so its bonus was taken back before it could be spent.',
      },
    ],
    [
      'reserved points spent at a till of unknown store',
      { kind: 'capture', points: 1500, externalRef: 'W-9' },
      {
        kind: 'points_redeemed',
        title: 'You spent 1,500 points at the till',
        body: 'Towards receipt W-9. If this was not you, please tell us.',
      },
    ],
    [
      'points spent at a till with a reason and no receipt',
      { kind: 'redeem', points: 250, reason: 'free coffee reward', storeName: 'Tally Market London' },
      {
        kind: 'points_redeemed',
        title: 'You spent 250 points at the till in Tally Market London',
        body: 'Free coffee reward. If this was not you, please tell us.',
      },
    ],
    [
      'a deduction whose reason already ends a sentence',
      { kind: 'adjust', points: 5, reason: 'test points removed.' },
      {
        kind: 'points_adjusted',
        title: '5 points deducted by our staff',
        body: 'Reason given: Test points removed.',
      },
    ],
  ])('words %s in plain words', (_, d, expected) => {
    expect(debitNotice(journal(d))).toMatchObject({
      ...expected,
      link: '/statement',
      dueAt: null,
      dedupeKey: 'debit:00000000-0000-4000-8000-000000000002',
    });
  });
});
