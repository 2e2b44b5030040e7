import type { Idea, IdeaDetail, MeResponse, Notification, PointsSummary, StatementPage } from '@tally/domain';

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

/** An open idea on the board with two tags, not voted for by the viewer. */
export const idea: Idea = {
  id: '5b1d7c2e-9a3f-4e6b-8c1d-2e3f4a5b6c7d',
  number: 12,
  title: 'Oat milk in every store',
  description: 'Please stock oat milk in every store,\nnot only the big ones.',
  category: 'products',
  tags: ['dairy-free', 'coffee'],
  state: 'open',
  duplicateOf: null,
  authorName: 'Bea',
  authorId: null,
  votes: 41,
  followers: 12,
  commentCount: 2,
  createdAt: '2025-02-01T09:00:00.000Z',
  lastStatusChangeAt: '2025-02-02T09:00:00.000Z',
  viewerVoted: false,
  viewerFollows: false,
};

/** The same idea as its page reads it: submitted, then opened by staff; a member's comment and a staff answer. */
export const ideaDetail: IdeaDetail = {
  ...idea,
  statusHistory: [
    {
      id: '6c2e8d3f-0b4a-4f7c-9d2e-3f4a5b6c7d8e',
      from: null,
      to: 'pending_review',
      response: 'Submitted',
      byName: null,
      at: '2025-02-01T09:00:00.000Z',
    },
    {
      id: '7d3f9e4a-1c5b-4a8d-8e3f-4a5b6c7d8e9f',
      from: 'pending_review',
      to: 'open',
      response: 'Thanks! Your idea is now open for votes.',
      byName: 'Sam',
      at: '2025-02-02T09:00:00.000Z',
    },
  ],
  comments: {
    items: [
      {
        id: '8e4a0f5b-2d6c-4b9e-9f4a-5b6c7d8e9fa0',
        body: 'Yes please, and soy too.',
        authorName: 'Cal',
        staffAnswer: false,
        createdAt: '2025-02-03T09:00:00.000Z',
      },
      {
        id: '9f5b1a6c-3e7d-4c0f-8a5b-6c7d8e9fa0b1',
        body: 'We are talking to our suppliers about it.',
        authorName: 'Sam',
        staffAnswer: true,
        createdAt: '2025-02-04T09:00:00.000Z',
      },
    ],
    nextCursor: null,
  },
};
