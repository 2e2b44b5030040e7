import type { MeResponse, StatementPage } from '@tally/domain';

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
