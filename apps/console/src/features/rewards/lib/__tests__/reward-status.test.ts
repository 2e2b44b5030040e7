import { rewardStatus, type RewardStatus } from '../reward-status';

const NOW = Date.parse('2025-06-01T12:00:00.000Z');

describe(rewardStatus.name, () => {
  it.each<[RewardStatus, string, { archived: boolean; activeFrom: string; activeUntil: string | null }]>([
    [
      'active',
      'on offer with no end',
      { archived: false, activeFrom: '2025-01-01T00:00:00.000Z', activeUntil: null },
    ],
    [
      'active',
      'on offer before its end',
      { archived: false, activeFrom: '2025-01-01T00:00:00.000Z', activeUntil: '2025-06-01T12:00:00.001Z' },
    ],
    [
      'active',
      'starting exactly now',
      { archived: false, activeFrom: '2025-06-01T12:00:00.000Z', activeUntil: null },
    ],
    [
      'scheduled',
      'starting later',
      { archived: false, activeFrom: '2025-06-01T12:00:00.001Z', activeUntil: null },
    ],
    [
      'ended',
      'ending exactly now',
      { archived: false, activeFrom: '2025-01-01T00:00:00.000Z', activeUntil: '2025-06-01T12:00:00.000Z' },
    ],
    [
      'archived',
      'archived while on offer',
      { archived: true, activeFrom: '2025-01-01T00:00:00.000Z', activeUntil: null },
    ],
    [
      'archived',
      'archived after it ended',
      { archived: true, activeFrom: '2024-01-01T00:00:00.000Z', activeUntil: '2024-02-01T00:00:00.000Z' },
    ],
  ])('is %s when %s', (expected, _case, reward) => {
    expect(rewardStatus(reward, NOW)).toBe(expected);
  });
});
