import { CampaignSimulationRequestSchema } from '@tally/domain';
import { defaultSimulationPeriod, localDate, simulationRequest } from '../simulation-period';

/** Midnight at the start of a calendar day on this machine's clock, as the instant it is. */
const midnightOf = (year: number, month: number, day: number) => new Date(year, month - 1, day).getTime();

describe('simulation periods from the form’s dates', () => {
  const now = new Date(2025, 3, 15, 14, 30); // 15 April 2025, 14:30 local

  it('starts with the last 30 days, today included', () => {
    expect(defaultSimulationPeriod(now)).toEqual({ from: '2025-03-16', to: '2025-04-15' });
    expect(localDate(new Date(2025, 0, 5))).toBe('2025-01-05');
  });

  it('runs from midnight of the first day to midnight after the last, on the browser’s clock', () => {
    const request = simulationRequest({ from: '2025-03-01', to: '2025-03-31' }, now);

    expect(Date.parse(request.from!)).toBe(midnightOf(2025, 3, 1));
    expect(Date.parse(request.to!)).toBe(midnightOf(2025, 4, 1));
    expect(CampaignSimulationRequestSchema.safeParse(request).success).toBe(true);
  });

  it('ends a period that reaches today at now, never in the future', () => {
    expect(simulationRequest({ from: '2025-03-16', to: '2025-04-15' }, now).to).toBe(now.toISOString());
    expect(simulationRequest({ from: '2025-03-16', to: '2025-05-01' }, now).to).toBe(now.toISOString());
  });

  it('passes empty and unreadable dates on for the schema to name', () => {
    const request = simulationRequest({ from: '', to: 'soon' }, now);

    expect(request).toEqual({ from: undefined, to: 'soon' });
    const issues = CampaignSimulationRequestSchema.safeParse(request).error?.issues ?? [];
    expect(issues.map((issue) => issue.path.join('.'))).toEqual(['from', 'to']);
  });
});
