import { DEFAULT_PROGRAMME, type Programme, type ProgrammeChange, type Reward } from '@tally/domain';

/** Test data for the programme feature's tests (never imported by the app). */
export const programme: Programme = DEFAULT_PROGRAMME;

export const coffee: Reward = {
  id: '5b0c7f0e-1d2a-4c3b-9e8f-7a6b5c4d3e2f',
  name: 'Free coffee',
  description: 'Any size.',
  imageUrl: null,
  costPoints: 300,
  stock: null,
  perMemberLimit: null,
  activeFrom: '2026-01-01T00:00:00.000Z',
  activeUntil: null,
  voucherValidDays: 30,
  archived: false,
};

export const CHANGE_ID = '7e6d5c4b-3a29-4817-a605-f4e3d2c1b0a9';

export function change(overrides: Partial<ProgrammeChange> = {}): ProgrammeChange {
  return {
    id: CHANGE_ID,
    status: 'announced',
    effectiveAt: '2099-04-01T09:00:00.000Z',
    worse: true,
    differences: [
      {
        setting: 'pendingDays',
        summary: 'Points can be spent 30 days after a purchase (was 14)',
        worse: true,
      },
    ],
    announcedAt: '2099-02-20T10:00:00.000Z',
    announcedBy: null,
    appliedAt: null,
    withdrawnAt: null,
    ...overrides,
  };
}
