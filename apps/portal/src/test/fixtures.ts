import type { MeResponse, Notification, PointsSummary, StatementPage } from '@tally/domain';

export { loginResponseFor as loginResponse, memberUser as member } from '@tally/ui/testing';

export const me: MeResponse = {
  id: '7d9f3c1e-2b4a-4c5d-8e6f-1a2b3c4d5e6f',
  cardNumber: '400000000006',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  phone: null,
  birthday: '1990-12-10',
  marketingConsent: false,
  status: 'active',
  createdAt: '2025-01-01T09:00:00.000Z',
  balance: { available: 1250, pending: 300, held: 0, debt: 0 },
  tier: null,
  tierChanges: [],
};

export const statement: StatementPage = {
  items: [
    {
      journalId: '0e7d5c4b-3a29-4180-9f6e-5d4c3b2a1908',
      kind: 'earn',
      occurredAt: '2025-03-03T14:05:00.000Z',
      points: 250,
      available: 250,
      pending: 0,
      debt: 0,
      availableAfter: 1250,
      reason: {
        description: 'Points earned',
        externalRef: 'R-1001',
        storeId: null,
        note: null,
        reversesJournalId: null,
        expiresAt: null,
      },
    },
  ],
  nextCursor: null,
};

/** A member with points on the way, some expiring soon, and 250 qualifying points short of Silver. */
export const pointsSummary: PointsSummary = {
  asOf: '2025-03-03T15:00:00.000Z',
  balance: { available: 1250, pending: 300, held: 0, debt: 0 },
  pending: [
    { date: '2025-03-10', availableAt: '2025-03-10T12:00:00.000Z', points: 120 },
    { date: '2025-03-17', availableAt: '2025-03-17T14:05:00.000Z', points: 180 },
  ],
  expiring: {
    within30Days: 100,
    within60Days: 300,
    within90Days: 450,
    next: { expiresAt: '2025-03-20T09:00:00.000Z', points: 100 },
    inactiveAt: null,
  },
  tier: {
    basis: 'points',
    currency: 'GBP',
    current: { id: 'member', name: 'Member', threshold: 0 },
    next: { id: 'silver', name: 'Silver', threshold: 1000 },
    qualifying: 750,
    toNext: 250,
    changes: [],
  },
};

export const notification: Notification = {
  id: '42',
  kind: 'points_earned',
  title: 'You earned 250 points',
  body: 'For receipt R-1001. They can be spent once the return window closes.',
  link: '/statement',
  dueAt: '2025-03-17T14:05:00.000Z',
  createdAt: '2025-03-03T14:05:00.000Z',
  readAt: null,
};
