import { CreateRewardSchema } from '@tally/domain';
import { isoToLocalInput, localInputToIso } from '../local-date-time';

// Zone-agnostic on purpose: each case checks the instant against the browser clock's own reading, so the
// suite holds in any TZ (it was run under UTC, Europe/London, America/St_Johns and Asia/Kathmandu).
describe('localInputToIso', () => {
  it.each([
    ['2025-07-01T09:30', [2025, 6, 1, 9, 30, 0]],
    ['2025-01-15T23:59', [2025, 0, 15, 23, 59, 0]],
    ['2025-03-30T12:00:45', [2025, 2, 30, 12, 0, 45]],
    ['2025-10-26T00:05:07.250', [2025, 9, 26, 0, 5, 7]],
  ] as const)('reads %s on the local clock and keeps its offset', (input, [y, mo, d, h, mi, s]) => {
    const iso = localInputToIso(input);

    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(iso?.slice(0, 16)).toBe(input.slice(0, 16));
    expect(Date.parse(iso ?? '')).toBe(new Date(y, mo, d, h, mi, s).getTime());
  });

  it('gives an instant the domain schema accepts as a start and end', () => {
    const result = CreateRewardSchema.safeParse({
      name: 'Coffee',
      costPoints: 100,
      activeFrom: localInputToIso('2025-07-01T09:30'),
      activeUntil: localInputToIso('2025-08-01T09:30'),
    });

    expect(result.success).toBe(true);
  });

  it.each(['', '   '])('treats %j as no date', (input) => {
    expect(localInputToIso(input)).toBeUndefined();
  });

  it.each(['tomorrow', '2025-07-01', '01/07/2025 09:30'])(
    'hands %j back unchanged, for the schema to refuse',
    (input) => {
      expect(localInputToIso(input)).toBe(input);
      expect(CreateRewardSchema.safeParse({ name: 'Coffee', costPoints: 1, activeFrom: input }).success).toBe(
        false,
      );
    },
  );
});

describe('isoToLocalInput', () => {
  it.each(['2025-07-01T09:30', '2025-12-31T23:00', '2026-02-28T00:00'])(
    'round-trips %s through an instant',
    (input) => {
      expect(isoToLocalInput(localInputToIso(input) ?? '')).toBe(input);
    },
  );

  it('shows an instant from the API on the local clock, to the minute', () => {
    const iso = '2025-03-03T14:05:59.999Z';
    const local = new Date(iso);
    local.setSeconds(0, 0);

    expect(new Date(isoToLocalInput(iso)).getTime()).toBe(local.getTime());
  });
});
