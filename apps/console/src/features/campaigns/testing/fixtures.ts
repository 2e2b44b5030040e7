import {
  DEFAULT_PROGRAMME,
  type Campaign,
  type CampaignDefinition,
  type CampaignPreview,
  type CampaignSimulation,
  type CampaignStats,
  type CampaignVersion,
  type Programme,
  type Segment,
} from '@tally/domain';

/** Test data for the campaigns feature's tests (never imported by the app). */
export const programme: Programme = DEFAULT_PROGRAMME;

export const CAMPAIGN_ID = '0d1e2f30-4152-4637-8849-5a6b7c8d9e0f';

export const doubleCoffee: CampaignDefinition = {
  name: 'Double coffee points',
  description: 'Twice the points on coffee in March.',
  window: {
    startsAt: '2099-03-01T09:00:00.000Z',
    endsAt: '2099-03-31T18:00:00.000Z',
    daysOfWeek: [1, 5],
    hours: { from: 7, to: 11 },
  },
  audience: { tierIds: ['silver'], segments: [], newMembersWithinDays: null, birthdayMonth: false },
  basket: { categories: ['coffee'], skus: [], minSpend: 500 },
  effect: { type: 'multiplier', multiplierBp: 20_000 },
  limits: { budgetPoints: 10_000, perMember: { points: 200, period: 'week' } },
  stacking: 'stack',
};

export function campaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: CAMPAIGN_ID,
    status: 'draft',
    version: 2,
    definition: doubleCoffee,
    issuedPoints: 0,
    budgetRemaining: 10_000,
    haltedReason: null,
    createdAt: '2025-02-01T10:00:00.000Z',
    updatedAt: '2025-02-02T10:00:00.000Z',
    ...overrides,
  };
}

/** A definition whose window has already started (the past) and has not ended (the far future). */
export const running: CampaignDefinition = {
  ...doubleCoffee,
  window: {
    ...doubleCoffee.window,
    startsAt: '2025-01-01T09:00:00.000Z',
    endsAt: '2099-12-31T18:00:00.000Z',
  },
};

export const preview: CampaignPreview = {
  without: {
    points: 10,
    eligibleAmount: 1000,
    excludedAmount: 0,
    lines: [{ source: 'base', campaignId: null, description: '1 point per £1.00 on £10.00', points: 10 }],
  },
  with: {
    points: 20,
    eligibleAmount: 1000,
    excludedAmount: 0,
    lines: [
      { source: 'base', campaignId: null, description: '1 point per £1.00 on £10.00', points: 10 },
      { source: 'campaign', campaignId: null, description: 'Double coffee points: ×2 on coffee', points: 10 },
    ],
  },
  campaignPoints: 10,
};

export const stats: CampaignStats = {
  campaignId: CAMPAIGN_ID,
  issuedPoints: 4_000,
  budgetPoints: 10_000,
  budgetRemaining: 6_000,
  participatingMembers: 37,
  receipts: 52,
  cost: 4_000,
  currency: 'GBP',
  daily: [
    { date: '2025-03-03', points: 1_500, cumulativePoints: 1_500, members: 20, receipts: 25 },
    { date: '2025-03-04', points: 2_500, cumulativePoints: 4_000, members: 22, receipts: 27 },
  ],
  redemptionsAfter: { members: 5, points: 2_500 },
};

const MIA_ID = '6f5e4d3c-2b1a-4c9d-8e7f-0a1b2c3d4e5f';

export const versions: CampaignVersion[] = [
  {
    version: 1,
    change: 'created',
    status: 'draft',
    definition: doubleCoffee,
    changedBy: MIA_ID,
    changedByName: 'Mia Marketing',
    changedAt: '2025-02-01T10:00:00.000Z',
    reason: null,
  },
  {
    version: 2,
    change: 'paused',
    status: 'paused',
    definition: doubleCoffee,
    changedBy: MIA_ID,
    changedByName: 'Mia Marketing',
    changedAt: '2025-02-02T10:00:00.000Z',
    reason: 'Coffee machine broken',
  },
];

export const SIMULATION_ID = '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d';

/** A finished simulation of March 2025 that issued 1,200 points of no budget. */
export function simulation(overrides: Partial<CampaignSimulation> = {}): CampaignSimulation {
  return {
    id: SIMULATION_ID,
    campaignId: CAMPAIGN_ID,
    campaignVersion: 2,
    status: 'done',
    period: { from: '2025-03-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' },
    progress: { processed: 5_000, total: 5_000 },
    results: {
      pointsIssued: 1_200,
      membersReached: 40,
      receiptsMatched: 75,
      cost: 1_200,
      currency: 'GBP',
      budgetPoints: null,
      budgetRemaining: null,
      budgetExhaustedAt: null,
    },
    error: null,
    requestedBy: { id: MIA_ID, name: 'Mia Marketing' },
    requestedAt: '2025-04-02T09:00:00.000Z',
    startedAt: '2025-04-02T09:00:05.000Z',
    finishedAt: '2025-04-02T09:01:00.000Z',
    updatedAt: '2025-04-02T09:01:00.000Z',
    ...overrides,
  };
}

/** A saved segment the campaign editor offers for an audience. */
export const regulars: Segment = {
  id: '5e6f7081-92a3-4b4c-8d5e-6f708192a3b4',
  version: 1,
  definition: { name: 'Regulars', description: '', rules: [{ kind: 'visits', days: 30, min: 2, max: null }] },
  archived: false,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
};
